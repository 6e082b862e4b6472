import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { roleGroups, type Stats } from '@switchboard/contracts/types';
import { ROLE_LABEL } from '../../../core/i18n/role-labels';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { InboxTab } from '../../inbox/data/conversation-list';
import { formatDuration } from './duration-format';
import { StatCardComponent, type StatCardLink } from './stat-card.component';

/** The inbox's Unassigned tab (the inbox reads `?tab=`). */
const UNASSIGNED_TAB: InboxTab = 'unassigned';
export const UNASSIGNED_INBOX_LINK: StatCardLink = { path: '/inbox', queryParams: { tab: UNASSIGNED_TAB } };

/** The six headline figures, each with its definition. */
@Component({
  selector: 'sb-stats-cards',
  imports: [StatCardComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cards" data-testid="stats-cards">
      <sb-stat-card
        testId="stat-unattended"
        [label]="'dashboard.unattended' | translate"
        [hint]="'dashboard.unattendedHint' | translate"
        [value]="stats().unattended"
        [link]="unassignedLink"
      />
      <sb-stat-card
        testId="stat-open"
        [label]="'dashboard.open' | translate"
        [hint]="'dashboard.openHint' | translate"
        [value]="stats().openConversations"
      />
      <sb-stat-card
        testId="stat-attended"
        [label]="'dashboard.attended' | translate"
        [hint]="'dashboard.attendedHint' | translate: { timeZone: zone() }"
        [value]="stats().attendedThisMonth"
      />
      <sb-stat-card
        testId="stat-first-response"
        [label]="'dashboard.firstResponse' | translate"
        [hint]="'dashboard.firstResponseHint' | translate"
        [value]="stats().avgFirstResponseSeconds"
        [display]="average()"
      >
        <span class="detail" data-testid="stat-first-response-detail">
          {{ 'dashboard.firstResponseDetail' | translate: detail() }}
        </span>
      </sb-stat-card>
      <sb-stat-card
        testId="stat-agents-online"
        [label]="'dashboard.agentsOnline' | translate"
        [hint]="'dashboard.agentsOnlineHint' | translate: { roles: chatRoles() }"
        [value]="stats().agentsOnline"
      />
      <sb-stat-card
        testId="stat-messages-today"
        [label]="'dashboard.messagesToday' | translate"
        [hint]="'dashboard.messagesTodayHint' | translate: { timeZone: zone() }"
        [value]="stats().messagesToday"
      />
    </div>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
      gap: 0.75rem;
    }
    .detail {
      order: 3;
      font-size: 0.75rem;
      color: var(--sb-muted);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class StatsCardsComponent {
  private readonly i18n = inject(I18nService);

  readonly stats = input.required<Stats>();
  /** STATS_TIME_ZONE as reported by the server (with the charts); null until known. */
  readonly timeZone = input<string | null>(null);

  protected readonly unassignedLink = UNASSIGNED_INBOX_LINK;
  /** Who takes chats: the roles a conversation can be assigned to, as the server counts them. */
  protected readonly chatRoles = computed(() =>
    roleGroups.inbox.map((role) => this.i18n.t(ROLE_LABEL[role])).join(', '),
  );
  protected readonly zone = computed(() => this.timeZone() ?? this.i18n.t('dashboard.serverTimeZone'));
  protected readonly average = computed(() => formatDuration(this.stats().avgFirstResponseSeconds));
  protected readonly detail = computed(() => ({
    median: formatDuration(this.stats().firstResponseMedianSeconds),
    p90: formatDuration(this.stats().firstResponseP90Seconds),
    count: this.stats().firstResponseCount,
  }));
}
