import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { CampaignRecipient } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent } from '../../../common/ui/view-state.component';

/** The recipients a campaign could not send to, with the provider's error; paged. */
@Component({
  selector: 'sb-failed-recipients-table',
  imports: [TranslatePipe, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-view-state
      [hasValue]="items() !== undefined"
      [empty]="items()?.length === 0"
      [error]="error()"
      [emptyTitle]="'campaigns.failed.empty' | translate"
      [emptyHint]="'campaigns.failed.emptyHint' | translate"
      (retry)="retry.emit()"
    />
    @if (items(); as rows) {
      @if (rows.length > 0) {
        <div class="scroll">
          <table class="stack-table" data-testid="failed-recipients">
            <thead>
              <tr>
                <th scope="col">{{ 'campaigns.failed.phone' | translate }}</th>
                <th scope="col">{{ 'campaigns.failed.name' | translate }}</th>
                <th scope="col" class="num">{{ 'campaigns.failed.attempts' | translate }}</th>
                <th scope="col">{{ 'campaigns.failed.error' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (recipient of rows; track recipient.id) {
                <tr data-testid="failed-recipient">
                  <td [attr.data-label]="'campaigns.failed.phone' | translate">{{ recipient.phone }}</td>
                  <td [attr.data-label]="'campaigns.failed.name' | translate">{{ recipient.name ?? '—' }}</td>
                  <td class="num" [attr.data-label]="'campaigns.failed.attempts' | translate">
                    {{ recipient.attempts }}
                  </td>
                  <td class="error" [attr.data-label]="'campaigns.failed.error' | translate">
                    {{ recipient.error ?? '—' }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (hasMore()) {
          <button
            type="button"
            class="more"
            data-testid="failed-load-more"
            [disabled]="loadingMore()"
            (click)="loadMore.emit()"
          >
            {{ (loadingMore() ? 'campaigns.loadingMore' : 'campaigns.loadMore') | translate }}
          </button>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.4rem 0.6rem;
      border-bottom: 1px solid var(--sb-border);
    }
    th {
      color: var(--sb-muted);
      font-weight: 600;
    }
    .num {
      text-align: right;
    }
    td.error {
      color: var(--sb-red);
      overflow-wrap: anywhere;
    }
    .more {
      margin-top: 0.75rem;
    }
  `,
})
export class FailedRecipientsTableComponent {
  readonly items = input<CampaignRecipient[] | undefined>(undefined);
  readonly hasMore = input(false);
  readonly loadingMore = input(false);
  readonly error = input<unknown>(null);
  readonly loadMore = output<void>();
  readonly retry = output<void>();
}
