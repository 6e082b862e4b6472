import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Stats } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { AgentCsatComponent } from './agent-csat.component';

export type AgentRow = Stats['perAgent'][number];

/** Online agents first; otherwise the server's order (by name) is kept. */
export function onlineFirst(agents: readonly AgentRow[]): AgentRow[] {
  return [...agents].sort((a, b) => Number(b.online) - Number(a.online));
}

/** Per agent: name, presence dot, open conversations assigned to them. */
@Component({
  selector: 'sb-agent-table',
  imports: [TranslatePipe, AgentCsatComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="stack-table" data-testid="agent-table">
      <caption>
        {{
          'dashboard.agents' | translate
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ 'dashboard.agent' | translate }}</th>
          <th scope="col">{{ 'dashboard.presence' | translate }}</th>
          <th scope="col" class="num" [title]="'dashboard.openAssignedHint' | translate">
            {{ 'dashboard.openAssigned' | translate }}
          </th>
          <th scope="col" class="num" [title]="'csat.agentHint' | translate">{{ 'csat.agentColumn' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (agent of rows(); track agent.agentId) {
          <tr data-testid="agent-row" [attr.data-agent-id]="agent.agentId" [attr.data-online]="agent.online">
            <td class="name">{{ agent.name }}</td>
            <td [attr.data-label]="'dashboard.presence' | translate">
              <span class="dot" [class.online]="agent.online" aria-hidden="true"></span>
              {{ (agent.online ? 'dashboard.online' : 'dashboard.offline') | translate }}
            </td>
            <td
              class="num"
              [attr.data-label]="'dashboard.openAssigned' | translate"
              [attr.data-value]="agent.openAssigned"
            >
              {{ agent.openAssigned }}
            </td>
            <td class="num" [attr.data-label]="'csat.agentColumn' | translate"><sb-agent-csat [agent]="agent" /></td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="empty">{{ 'dashboard.noAgents' | translate }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      overflow: hidden;
      font-size: 0.9rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0 0 0.4rem;
    }
    th,
    td {
      padding: 0.45rem 0.75rem;
      text-align: left;
      border-bottom: 1px solid var(--sb-border);
    }
    th {
      font-weight: 600;
      color: var(--sb-muted);
      font-size: 0.8rem;
    }
    tbody tr:last-child td {
      border-bottom: none;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .dot {
      display: inline-block;
      width: 0.55rem;
      height: 0.55rem;
      border-radius: 50%;
      background: var(--sb-grey);
      margin-right: 0.35rem;
    }
    .dot.online {
      background: var(--sb-green);
    }
    .empty {
      text-align: center;
      color: var(--sb-muted);
    }
  `,
})
export class AgentTableComponent {
  readonly agents = input.required<readonly AgentRow[]>();
  protected readonly rows = computed(() => onlineFirst(this.agents()));
}
