import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ConversationCounts } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { INBOX_TABS, type InboxTab } from '../data/inbox-view';

/** Mine / Unassigned / All / Closed, each with how many it holds (none selected when the filters are no tab's). */
@Component({
  selector: 'sb-inbox-tabs',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tabs" role="tablist" [attr.aria-label]="'inbox.tabs' | translate">
      @for (t of tabs; track t) {
        <button
          type="button"
          role="tab"
          [attr.data-testid]="'inbox-tab-' + t"
          [class.active]="t === tab()"
          [attr.aria-selected]="t === tab()"
          (click)="tabChange.emit(t)"
        >
          {{ labels[t] | translate }}
          @if (counts(); as counts) {
            <span class="count" [attr.data-testid]="'inbox-count-' + t">{{ counts[t] }}</span>
          }
        </button>
      }
    </div>
  `,
  styles: `
    .tabs {
      display: flex;
      gap: 0.25rem;
      flex-wrap: wrap;
    }
    button {
      padding: 0.25rem 0.6rem;
      font-size: 0.85rem;
      border-radius: 999px;
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    button.active {
      background: var(--sb-primary-soft);
      border-color: var(--sb-primary);
      color: var(--sb-primary);
    }
    .count {
      font-size: 0.72rem;
      font-weight: 600;
      color: var(--sb-muted);
      font-variant-numeric: tabular-nums;
    }
    button.active .count {
      color: var(--sb-primary);
    }
  `,
})
export class InboxTabsComponent {
  readonly tab = input.required<InboxTab | null>();
  /** Undefined until the first answer (then kept through errors: the last known counts). */
  readonly counts = input<ConversationCounts | undefined>(undefined);
  readonly tabChange = output<InboxTab>();
  protected readonly tabs = INBOX_TABS;
  protected readonly labels: Record<InboxTab, TranslationKey> = {
    mine: 'inbox.tab.mine',
    unassigned: 'inbox.tab.unassigned',
    all: 'inbox.tab.all',
    closed: 'inbox.tab.closed',
  };
}
