import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { BusinessHours } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { WEEKDAYS, closeBeforeMidnight } from '../data/bot-draft';
import { fieldText, type FieldMessage } from '../../../common/forms/field-messages';

/**
 * A time input stops at 23:59 and shows `24:00` (the end of the day) as 12:00 AM: an interval until
 * midnight has its own checkbox and shows `24:00` instead of the input. A closing time typed as
 * 00:00 can only mean midnight too.
 */
const MIDNIGHT = '24:00';
const fromCloseInput = (value: string) => (value === '00:00' ? MIDNIGHT : value);

export interface IntervalChange {
  index: number;
  field: 'open' | 'close';
  value: string;
}

/** One row per weekday: closed, or one or more opening intervals (a lunch break is two). */
@Component({
  selector: 'sb-business-hours-editor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="stack-table">
      <caption class="visually-hidden">
        {{
          'settings.bot.hours' | translate
        }}
      </caption>
      <tbody>
        @for (row of rows(); track row.day) {
          <tr [attr.data-testid]="'hours-day-' + row.day">
            <th scope="row">
              <label class="inline">
                <input
                  type="checkbox"
                  [attr.data-testid]="'hours-open-' + row.day"
                  [checked]="row.intervals.length > 0"
                  (change)="dayOpen.emit({ day: row.day, open: checked($event) })"
                />
                {{ row.name }}
              </label>
            </th>
            <td>
              @if (row.intervals.length === 0) {
                <span class="muted small">{{ 'settings.bot.closedAllDay' | translate }}</span>
              }
              @for (interval of row.intervals; track interval.index) {
                <div class="interval" [attr.data-testid]="'interval-' + interval.index">
                  <input
                    type="time"
                    [attr.aria-label]="'settings.bot.opensAt' | translate: { day: row.name }"
                    [attr.data-testid]="'interval-open-' + interval.index"
                    [value]="interval.open"
                    [attr.aria-invalid]="!!interval.openError"
                    (change)="changed.emit({ index: interval.index, field: 'open', value: value($event) })"
                  />
                  <span aria-hidden="true">–</span>
                  @if (interval.untilMidnight) {
                    <span class="midnight" [attr.data-testid]="'interval-closes-midnight-' + interval.index"
                      >24:00</span
                    >
                  } @else {
                    <input
                      type="time"
                      [attr.aria-label]="'settings.bot.closesAt' | translate: { day: row.name }"
                      [attr.data-testid]="'interval-close-' + interval.index"
                      [value]="interval.close"
                      [attr.aria-invalid]="!!interval.closeError"
                      (change)="changed.emit({ index: interval.index, field: 'close', value: closeValue($event) })"
                    />
                  }
                  <label class="midnight-toggle">
                    <input
                      type="checkbox"
                      [attr.data-testid]="'interval-midnight-' + interval.index"
                      [attr.aria-label]="'settings.bot.untilMidnightOn' | translate: { day: row.name }"
                      [checked]="interval.untilMidnight"
                      (change)="untilMidnight(interval.index, interval.open, $event)"
                    />
                    {{ 'settings.bot.untilMidnight' | translate }}
                  </label>
                  <button
                    type="button"
                    class="link"
                    [attr.data-testid]="'interval-remove-' + interval.index"
                    (click)="remove.emit(interval.index)"
                  >
                    {{ 'settings.bot.removeInterval' | translate }}
                  </button>
                  @if (interval.openError || interval.closeError) {
                    <p class="field-error" [attr.data-testid]="'interval-error-' + interval.index">
                      {{ interval.openError ?? interval.closeError }}
                    </p>
                  }
                </div>
              }
              @if (row.intervals.length > 0) {
                <button
                  type="button"
                  class="link"
                  [attr.data-testid]="'interval-add-' + row.day"
                  (click)="add.emit(row.day)"
                >
                  {{ 'settings.bot.addInterval' | translate }}
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th {
      text-align: left;
      font-weight: 400;
      padding: 0.35rem 1rem 0.35rem 0;
      vertical-align: top;
      white-space: nowrap;
    }
    td {
      padding: 0.35rem 0;
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      align-items: flex-start;
    }
    tr + tr {
      border-top: 1px solid var(--sb-border);
    }
    label.inline {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
      text-transform: capitalize;
    }
    .interval {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .interval input[type='time'],
    .midnight {
      padding: 0.25rem 0.4rem;
    }
    .midnight {
      font-variant-numeric: tabular-nums;
    }
    .midnight-toggle {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
      font-size: 0.85rem;
    }
    button.link {
      border: none;
      background: none;
      padding: 0.1rem 0.25rem;
      color: var(--sb-primary);
      font-size: 0.85rem;
    }
    .field-error {
      flex-basis: 100%;
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
  `,
})
export class BusinessHoursEditorComponent {
  private readonly i18n = inject(I18nService);

  readonly hours = input.required<readonly BusinessHours[]>();
  /** The error for an API path such as `businessHours.2.close`. */
  readonly errorFor = input.required<(path: string) => FieldMessage | null>();
  readonly changed = output<IntervalChange>();
  readonly add = output<number>();
  readonly remove = output<number>();
  readonly dayOpen = output<{ day: number; open: boolean }>();

  protected readonly rows = computed(() => {
    const format = new Intl.DateTimeFormat(this.i18n.locale(), { weekday: 'long', timeZone: 'UTC' });
    const errorFor = this.errorFor();
    const hours = this.hours();
    return WEEKDAYS.map((day) => ({
      day,
      // 1 January 2024 was a Monday.
      name: format.format(Date.UTC(2024, 0, day)),
      intervals: hours
        .map((h, index) => ({ h, index }))
        .filter(({ h }) => h.day === day)
        .map(({ h, index }) => ({
          index,
          open: h.open,
          close: h.close,
          untilMidnight: h.close === MIDNIGHT,
          openError: fieldText(this.i18n, errorFor(`businessHours.${index}.open`)),
          closeError: fieldText(this.i18n, errorFor(`businessHours.${index}.close`)),
        })),
    }));
  });

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected untilMidnight(index: number, open: string, event: Event): void {
    this.changed.emit({ index, field: 'close', value: this.checked(event) ? MIDNIGHT : closeBeforeMidnight(open) });
  }

  protected closeValue(event: Event): string {
    return fromCloseInput(this.value(event));
  }
}
