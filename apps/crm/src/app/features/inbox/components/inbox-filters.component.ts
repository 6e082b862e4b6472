import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { Channel, ConversationSort, Label } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import {
  CHANNELS,
  DEFAULT_VIEW,
  INBOX_SORTS,
  STATUS_FILTERS,
  activeFilterCount,
  type InboxView,
  type StatusFilter,
} from '../data/inbox-view';

/** Someone a supervisor may filter by. */
export interface AgentOption {
  id: string;
  name: string;
}

/**
 * The list's order (always shown) and its filters (folded away behind a button that says how
 * many are on): status, assignee, channel, label, unread only, and the search words the list
 * is narrowed to. Emits whole views; the page puts them in the URL.
 */
@Component({
  selector: 'sb-inbox-filters',
  imports: [TranslatePipe, LabelChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <label class="sort">
        <span>{{ 'workspace.filters.sort' | translate }}</span>
        <select data-testid="inbox-sort" [value]="view().sort" (change)="set({ sort: $any($event.target).value })">
          @for (s of sorts; track s) {
            <option [value]="s" [selected]="s === view().sort">{{ sortLabels[s] | translate }}</option>
          }
        </select>
      </label>
      <button
        type="button"
        class="toggle"
        data-testid="inbox-filters-toggle"
        aria-controls="sb-inbox-filters"
        [attr.aria-expanded]="expanded()"
        [class.on]="activeCount() > 0"
        (click)="expanded.set(!expanded())"
      >
        {{
          activeCount() > 0
            ? ('workspace.filters.toggleCount' | translate: { count: activeCount() })
            : ('workspace.filters.toggle' | translate)
        }}
      </button>
      @if (activeCount() > 0) {
        <button type="button" class="link" data-testid="inbox-filters-clear" (click)="clear()">
          {{ 'workspace.filters.clear' | translate }}
        </button>
      }
    </div>
    @if (view().q; as q) {
      <p class="query" data-testid="inbox-query">
        {{ 'workspace.filters.matching' | translate: { q } }}
        <button
          type="button"
          class="x"
          [attr.aria-label]="'workspace.filters.removeQuery' | translate"
          (click)="set({ q: null })"
        >
          ✕
        </button>
      </p>
    }
    @if (selectedLabel(); as label) {
      <p class="query" data-testid="inbox-label-filter">
        <sb-label-chip [name]="label.name" [color]="label.color" />
        <button
          type="button"
          class="x"
          [attr.aria-label]="'workspace.filters.removeLabel' | translate"
          (click)="set({ label: null })"
        >
          ✕
        </button>
      </p>
    }
    @if (expanded()) {
      <div id="sb-inbox-filters" class="filters" data-testid="inbox-filters">
        <label>
          <span>{{ 'workspace.filters.status' | translate }}</span>
          <select data-testid="filter-status" (change)="set({ status: $any($event.target).value })">
            @for (s of statuses; track s) {
              <option [value]="s" [selected]="s === view().status">{{ statusLabels[s] | translate }}</option>
            }
          </select>
        </label>
        <label>
          <span>{{ 'workspace.filters.assignee' | translate }}</span>
          <select data-testid="filter-assignee" (change)="set({ assignee: $any($event.target).value })">
            <option value="anyone" [selected]="view().assignee === 'anyone'">
              {{ 'workspace.filters.assignee.anyone' | translate }}
            </option>
            <option value="me" [selected]="view().assignee === 'me'">
              {{ 'workspace.filters.assignee.me' | translate }}
            </option>
            <option value="unassigned" [selected]="view().assignee === 'unassigned'">
              {{ 'workspace.filters.assignee.unassigned' | translate }}
            </option>
            @for (agent of agentOptions(); track agent.id) {
              <option [value]="agent.id" [selected]="agent.id === view().assignee">{{ agent.name }}</option>
            }
          </select>
        </label>
        <label>
          <span>{{ 'workspace.filters.channel' | translate }}</span>
          <select data-testid="filter-channel" (change)="set({ channel: $any($event.target).value || null })">
            <option value="" [selected]="view().channel === null">
              {{ 'workspace.filters.anyChannel' | translate }}
            </option>
            @for (c of channels; track c) {
              <option [value]="c" [selected]="c === view().channel">{{ channelLabels[c] | translate }}</option>
            }
          </select>
        </label>
        <label>
          <span>{{ 'workspace.filters.label' | translate }}</span>
          <select data-testid="filter-label" (change)="set({ label: $any($event.target).value || null })">
            <option value="" [selected]="view().label === null">{{ 'workspace.filters.anyLabel' | translate }}</option>
            @for (label of labelOptions(); track label.id) {
              <option [value]="label.id" [selected]="label.id === view().label">{{ label.name }}</option>
            }
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-unread"
            [checked]="view().unreadOnly"
            (change)="set({ unreadOnly: $any($event.target).checked })"
          />
          {{ 'workspace.filters.unread' | translate }}
        </label>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      font-size: 0.8rem;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      flex-wrap: wrap;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.1rem;
      color: var(--sb-muted);
      min-width: 0;
    }
    .sort {
      flex-direction: row;
      align-items: center;
      gap: 0.3rem;
    }
    select {
      font-size: 0.8rem;
      padding: 0.15rem 0.3rem;
      max-width: 100%;
    }
    button {
      font-size: 0.8rem;
      padding: 0.15rem 0.55rem;
    }
    .toggle {
      border-radius: 999px;
    }
    .toggle.on {
      border-color: var(--sb-primary);
      color: var(--sb-primary);
      background: var(--sb-primary-soft);
    }
    .link {
      border: 0;
      background: none;
      color: var(--sb-primary);
      text-decoration: underline;
      padding: 0.15rem;
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      gap: 0.4rem 0.6rem;
      padding: 0.5rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
    }
    .check {
      flex-direction: row;
      align-items: center;
      gap: 0.3rem;
      color: var(--sb-text);
    }
    .query {
      margin: 0;
      display: flex;
      align-items: center;
      gap: 0.3rem;
      color: var(--sb-muted);
      overflow-wrap: anywhere;
    }
    .x {
      border: 0;
      background: none;
      padding: 0 0.2rem;
      color: var(--sb-muted);
    }
  `,
})
export class InboxFiltersComponent {
  private readonly i18n = inject(I18nService);

  readonly view = input.required<InboxView>();
  /** The team's labels (undefined while loading). */
  readonly labels = input<readonly Label[] | undefined>(undefined);
  /** Agents to filter by; empty for agents, who see only their own and unassigned conversations. */
  readonly agents = input<readonly AgentOption[]>([]);
  readonly viewChange = output<InboxView>();

  protected readonly expanded = signal(false);
  protected readonly statuses = STATUS_FILTERS;
  protected readonly channels = CHANNELS;
  protected readonly sorts = INBOX_SORTS;
  protected readonly statusLabels: Record<StatusFilter, TranslationKey> = {
    open: 'workspace.filters.status.open',
    closed: 'workspace.filters.status.closed',
    any: 'workspace.filters.status.any',
  };
  protected readonly channelLabels: Record<Channel, TranslationKey> = {
    web: 'channel.web',
    whatsapp: 'channel.whatsapp',
    internal: 'channel.internal',
  };
  protected readonly sortLabels: Record<ConversationSort, TranslationKey> = {
    lastActivity: 'workspace.sort.lastActivity',
    waitingLongest: 'workspace.sort.waitingLongest',
    createdAt: 'workspace.sort.createdAt',
  };
  protected readonly activeCount = computed(() => activeFilterCount(this.view()));
  /** The label filtered by, also when the catalogue does not have it (deleted, or a link from elsewhere). */
  protected readonly selectedLabel = computed(() => {
    const id = this.view().label;
    if (!id) return null;
    const labels = this.labels();
    if (!labels) return { id, name: '…', color: '' };
    return labels.find((l) => l.id === id) ?? { id, name: this.i18n.t('workspace.filters.unknownLabel'), color: '' };
  });
  protected readonly labelOptions = computed(() => {
    const labels = this.labels() ?? [];
    const selected = this.selectedLabel();
    return selected && !labels.some((l) => l.id === selected.id) ? [...labels, selected] : labels;
  });
  /** The agents, plus the one filtered by even if the list does not have them. */
  protected readonly agentOptions = computed(() => {
    const agents = this.agents();
    const assignee = this.view().assignee;
    const named = assignee !== 'me' && assignee !== 'unassigned' && assignee !== 'anyone';
    return named && !agents.some((a) => a.id === assignee)
      ? [...agents, { id: assignee, name: this.i18n.t('workspace.filters.unknownAgent') }]
      : agents;
  });

  protected set(change: Partial<InboxView>): void {
    this.viewChange.emit({ ...this.view(), ...change });
  }

  protected clear(): void {
    this.viewChange.emit({ ...DEFAULT_VIEW, sort: this.view().sort });
  }
}
