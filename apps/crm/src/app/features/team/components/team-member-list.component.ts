import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { UserWithPresence } from '@switchboard/contracts';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ROLE_LABEL } from './role-labels';

/** Staff users: name, email, role and whether they are online now. */
@Component({
  selector: 'sb-team-member-list',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card table">
      <table data-testid="team-list">
        <caption class="visually-hidden">{{ 'team.list' | translate }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'team.name' | translate }}</th>
            <th scope="col">{{ 'team.email' | translate }}</th>
            <th scope="col">{{ 'team.role' | translate }}</th>
            <th scope="col">{{ 'team.status' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (member of members(); track member.id) {
            <tr data-testid="team-row" [attr.data-email]="member.email" [attr.data-online]="member.online">
              <td class="name">{{ member.name }}</td>
              <td class="email">{{ member.email }}</td>
              <td class="role">{{ roleLabel[member.role] | translate }}</td>
              <td class="presence" data-testid="team-presence">
                <span class="dot" [class.online]="member.online" aria-hidden="true"></span>
                {{ (member.online ? 'team.presence.online' : 'team.presence.offline') | translate }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table { padding: 0; }
    table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
    th, td { text-align: left; padding: 0.55rem 0.75rem; border-bottom: 1px solid var(--sb-border); vertical-align: middle; }
    th { font-size: 0.8rem; color: var(--sb-muted); font-weight: 600; }
    tbody tr:last-child td { border-bottom: none; }
    .name { font-weight: 600; }
    .email { overflow-wrap: anywhere; }
    .presence { white-space: nowrap; }
    .dot { display: inline-block; width: 0.55rem; height: 0.55rem; border-radius: 50%; background: var(--sb-grey); margin-right: 0.35rem; }
    .dot.online { background: var(--sb-green); }
    /* A phone has no room for four columns: each member becomes a two-line card. */
    @media (max-width: 640px) {
      thead { display: none; }
      tr { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.15rem 0.75rem; padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--sb-border); }
      tbody tr:last-child { border-bottom: none; }
      td, tbody tr:last-child td { padding: 0; border: none; }
      .email { grid-column: 1; grid-row: 2; color: var(--sb-muted); font-size: 0.85rem; }
      .role { grid-column: 2; grid-row: 1; text-align: right; color: var(--sb-muted); font-size: 0.85rem; }
      .presence { grid-column: 2; grid-row: 2; text-align: right; font-size: 0.85rem; }
    }
  `,
})
export class TeamMemberListComponent {
  readonly members = input.required<readonly UserWithPresence[]>();
  protected readonly roleLabel = ROLE_LABEL;
}
