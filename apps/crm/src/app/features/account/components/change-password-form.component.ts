import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { ChangePasswordStore, type PasswordChangeField } from '../data/change-password.store';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';

/** Current password, the new one twice; the user's other sessions end when it is changed. */
@Component({
  selector: 'sb-change-password-form',
  imports: [TranslatePipe, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="card"
      novalidate
      data-testid="change-password-form"
      aria-labelledby="change-password-title"
      (submit)="$event.preventDefault(); submit()"
    >
      <h2 id="change-password-title">{{ 'account.password.title' | translate }}</h2>
      <p class="hint">{{ 'account.password.hint' | translate }}</p>
      <!-- Lets password managers file the new password under the right account. -->
      <input type="email" autocomplete="username" hidden readonly [value]="email()" />
      <div class="field">
        <label for="password-current">{{ 'account.password.current' | translate }}</label>
        <input
          id="password-current"
          type="password"
          autocomplete="current-password"
          data-testid="password-current"
          [value]="store.draft().currentPassword"
          [attr.aria-invalid]="!!errors().currentPassword"
          [attr.aria-describedby]="errors().currentPassword ? 'password-current-error' : null"
          (input)="set('currentPassword', $event)"
        />
        @if (errors().currentPassword; as e) {
          <p class="field-error" id="password-current-error" data-testid="password-current-error">{{ e }}</p>
        }
      </div>
      <div class="field">
        <label for="password-new">{{ 'account.password.new' | translate }}</label>
        <input
          id="password-new"
          type="password"
          autocomplete="new-password"
          data-testid="password-new"
          [value]="store.draft().newPassword"
          [attr.aria-invalid]="!!errors().newPassword"
          aria-describedby="password-new-note"
          (input)="set('newPassword', $event)"
        />
        <sb-field-note
          noteId="password-new-note"
          errorTestId="password-new-error"
          [hint]="'password.hint' | translate: { min: min, max: max }"
          [error]="errors().newPassword"
        />
      </div>
      <div class="field">
        <label for="password-confirm">{{ 'account.password.confirm' | translate }}</label>
        <input
          id="password-confirm"
          type="password"
          autocomplete="new-password"
          data-testid="password-confirm"
          [value]="store.draft().confirmPassword"
          [attr.aria-invalid]="!!errors().confirmPassword"
          [attr.aria-describedby]="errors().confirmPassword ? 'password-confirm-error' : null"
          (input)="set('confirmPassword', $event)"
        />
        @if (errors().confirmPassword; as e) {
          <p class="field-error" id="password-confirm-error" data-testid="password-confirm-error">{{ e }}</p>
        }
      </div>
      @if (requestError(); as e) {
        <p class="alert" role="alert" data-testid="password-change-error">{{ e }}</p>
      }
      <div class="actions">
        <button
          type="submit"
          class="primary"
          data-testid="password-submit"
          [disabled]="store.sending()"
          [attr.aria-busy]="store.sending()"
        >
          {{ (store.sending() ? 'account.password.submitting' : 'account.password.submit') | translate }}
        </button>
        <p class="done" role="status" data-testid="password-changed">
          @if (store.changed()) {
            {{ 'account.password.done' | translate }}
          }
        </p>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 28rem;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0;
    }
    .hint {
      margin: 0;
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
    }
    .field-error {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
    .alert {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .done {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-green-strong);
    }
  `,
})
export class ChangePasswordFormComponent {
  protected readonly store = inject(ChangePasswordStore);
  private readonly i18n = inject(I18nService);

  /** The signed-in user's email, for password managers. */
  readonly email = input('');

  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly max = PASSWORD_MAX_BYTES;
  protected readonly errors = computed(() => ({
    currentPassword: fieldText(this.i18n, this.store.fieldError('currentPassword')),
    newPassword: fieldText(this.i18n, this.store.fieldError('newPassword')),
    confirmPassword: fieldText(this.i18n, this.store.fieldError('confirmPassword')),
  }));
  protected readonly requestError = computed(() => requestText(this.i18n, this.store.requestError()));

  protected set(field: PasswordChangeField, event: Event): void {
    this.store.update({ [field]: (event.target as HTMLInputElement).value });
  }

  protected submit(): void {
    void this.store.submit();
  }
}
