import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { BOT_KEYWORDS_MAX, BOT_TEXT_MAX } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { knownTimeZones, type BotDraft } from '../data/bot-draft';
import { BotSettingsStore } from '../data/bot-settings.store';
import { BusinessHoursEditorComponent, type IntervalChange } from './business-hours-editor.component';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';

type TextField = Exclude<keyof BotDraft, 'enabled' | 'businessHours'>;

/** The auto-responder: the on/off switch (saved at once), its texts, time zone, business hours and hand-off. */
@Component({
  selector: 'sb-bot-settings',
  imports: [TranslatePipe, ViewStateComponent, BusinessHoursEditorComponent, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="bot-title" data-testid="bot-settings">
      <header class="head">
        <h2 id="bot-title">{{ 'settings.bot.title' | translate }}</h2>
        @if (store.saved(); as saved) {
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="bot-switch"
              [checked]="saved.enabled"
              [attr.aria-checked]="saved.enabled"
              [disabled]="store.toggling()"
              (change)="toggle($event)"
            />
            <span data-testid="bot-status" [attr.data-state]="saved.enabled ? 'on' : 'off'">{{
              (saved.enabled ? 'settings.bot.on' : 'settings.bot.off') | translate
            }}</span>
          </label>
        }
      </header>
      <p class="hint">{{ 'settings.bot.intro' | translate }}</p>

      <sb-view-state [hasValue]="store.draft() !== undefined" [error]="store.loadError()" (retry)="store.load()" />

      @if (store.draft(); as d) {
        <form novalidate (submit)="$event.preventDefault(); save()">
          <div class="field">
            <label for="bot-greeting">{{ 'settings.bot.greeting' | translate }}</label>
            <textarea
              id="bot-greeting"
              rows="2"
              data-testid="bot-greeting"
              [maxLength]="max"
              [value]="d.greeting"
              [attr.aria-invalid]="!!errors().greeting"
              aria-describedby="bot-greeting-note"
              (input)="set('greeting', $event)"
            ></textarea>
            <sb-field-note
              noteId="bot-greeting-note"
              [hint]="'settings.bot.greetingHint' | translate"
              [error]="errors().greeting"
            />
          </div>

          <div class="field">
            <label for="bot-out-of-hours">{{ 'settings.bot.outOfHours' | translate }}</label>
            <textarea
              id="bot-out-of-hours"
              rows="2"
              data-testid="bot-out-of-hours"
              [maxLength]="max"
              [value]="d.outOfHoursReply"
              [attr.aria-invalid]="!!errors().outOfHoursReply"
              aria-describedby="bot-outOfHoursReply-note"
              (input)="set('outOfHoursReply', $event)"
            ></textarea>
            <sb-field-note
              noteId="bot-outOfHoursReply-note"
              [hint]="'settings.bot.outOfHoursHint' | translate"
              [error]="errors().outOfHoursReply"
            />
          </div>

          <fieldset class="field">
            <legend>{{ 'settings.bot.hours' | translate }}</legend>
            <div class="field zone">
              <label for="bot-time-zone">{{ 'settings.bot.timeZone' | translate }}</label>
              <input
                id="bot-time-zone"
                list="bot-time-zones"
                data-testid="bot-time-zone"
                [value]="d.timeZone"
                [attr.aria-invalid]="!!errors().timeZone"
                (input)="set('timeZone', $event)"
              />
              <datalist id="bot-time-zones">
                @for (zone of zones; track zone) {
                  <option [value]="zone"></option>
                }
              </datalist>
              @if (errors().timeZone; as e) {
                <p class="field-error" data-testid="bot-time-zone-error">{{ e }}</p>
              }
              @if (store.saved(); as saved) {
                <p class="hint" data-testid="bot-open-now">
                  {{
                    (saved.openNow ? 'settings.bot.openNow' : 'settings.bot.closedNow')
                      | translate: { zone: saved.timeZone }
                  }}
                </p>
              }
            </div>
            <sb-business-hours-editor
              [hours]="d.businessHours"
              [errorFor]="errorFor"
              (changed)="changeInterval($event)"
              (add)="store.addInterval($event)"
              (remove)="store.removeInterval($event)"
              (dayOpen)="store.setDayOpen($event.day, $event.open)"
            />
            @if (d.businessHours.length === 0) {
              <p class="hint">{{ 'settings.bot.noHours' | translate }}</p>
            }
          </fieldset>

          <fieldset class="field">
            <legend>{{ 'settings.bot.handoff' | translate }}</legend>
            <div class="field">
              <label for="bot-keywords">{{ 'settings.bot.keywords' | translate }}</label>
              <input
                id="bot-keywords"
                data-testid="bot-keywords"
                [value]="d.keywords"
                [attr.aria-invalid]="!!errors().handoffKeywords"
                aria-describedby="bot-handoffKeywords-note"
                (input)="set('keywords', $event)"
              />
              <sb-field-note
                noteId="bot-handoffKeywords-note"
                [hint]="'settings.bot.keywordsHint' | translate: { max: keywordsMax }"
                [error]="errors().handoffKeywords"
              />
            </div>
            <div class="field">
              <label for="bot-handoff-reply">{{ 'settings.bot.handoffReply' | translate }}</label>
              <textarea
                id="bot-handoff-reply"
                rows="2"
                data-testid="bot-handoff-reply"
                [maxLength]="max"
                [value]="d.handoffReply"
                [attr.aria-invalid]="!!errors().handoffReply"
                aria-describedby="bot-handoffReply-note"
                (input)="set('handoffReply', $event)"
              ></textarea>
              <sb-field-note
                noteId="bot-handoffReply-note"
                errorTestId="bot-handoff-reply-error"
                [hint]="'settings.bot.handoffHint' | translate"
                [error]="errors().handoffReply"
              />
            </div>
          </fieldset>

          @if (requestError(); as e) {
            <p class="alert" role="alert" data-testid="bot-request-error">{{ e }}</p>
          }
          <div class="actions">
            <button type="submit" class="primary" data-testid="bot-save" [disabled]="store.saving() || !store.dirty()">
              {{ (store.saving() ? 'settings.saving' : 'settings.save') | translate }}
            </button>
            <button
              type="button"
              data-testid="bot-discard"
              [disabled]="store.saving() || !store.dirty()"
              (click)="store.discard()"
            >
              {{ 'settings.discard' | translate }}
            </button>
            @if (store.savedAt() && !store.dirty()) {
              <span class="saved" role="status" data-testid="bot-saved">{{ 'settings.saved' | translate }}</span>
            }
            @if (store.showInvalid()) {
              <span class="field-error" data-testid="bot-fix-form">{{ 'settings.fixForm' | translate }}</span>
            }
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      margin-top: 0.75rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      min-width: 0;
    }
    fieldset.field {
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      padding: 0.75rem;
      margin: 0;
      gap: 0.75rem;
    }
    legend {
      padding: 0 0.25rem;
    }
    label,
    legend {
      font-size: 0.85rem;
      font-weight: 600;
    }
    .zone {
      max-width: 22rem;
    }
    textarea {
      font: inherit;
      padding: 0.5rem 0.65rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      resize: vertical;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--sb-red);
    }
    .hint {
      margin: 0;
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .field-error {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .saved {
      color: var(--sb-green-strong);
      font-size: 0.85rem;
    }
    .alert {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .switch {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 600;
    }
    .switch input {
      width: 2.4rem;
      height: 1.3rem;
      accent-color: var(--sb-green);
    }
  `,
})
export class BotSettingsComponent {
  protected readonly store = inject(BotSettingsStore);
  private readonly i18n = inject(I18nService);

  protected readonly max = BOT_TEXT_MAX;
  protected readonly keywordsMax = BOT_KEYWORDS_MAX;
  protected readonly zones = knownTimeZones();
  protected readonly errorFor = (path: string) => this.store.fieldError(path);
  protected readonly errors = computed(() => ({
    greeting: fieldText(this.i18n, this.store.fieldError('greeting')),
    outOfHoursReply: fieldText(this.i18n, this.store.fieldError('outOfHoursReply')),
    timeZone: fieldText(this.i18n, this.store.fieldError('timeZone')),
    handoffKeywords: fieldText(this.i18n, this.store.fieldError('handoffKeywords')),
    handoffReply: fieldText(this.i18n, this.store.fieldError('handoffReply')),
  }));
  protected readonly requestError = computed(() => requestText(this.i18n, this.store.requestError()));

  protected set(field: TextField, event: Event): void {
    this.store.update({ [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  protected changeInterval(change: IntervalChange): void {
    this.store.setInterval(change.index, change.field, change.value);
  }

  protected toggle(event: Event): void {
    void this.store.setEnabled((event.target as HTMLInputElement).checked);
  }

  protected save(): void {
    void this.store.save();
  }
}
