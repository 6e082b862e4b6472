import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@switchboard/contracts/types';
import type { StaffRole } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { MEMBER_EMAIL_MAX, MEMBER_NAME_MAX, MEMBER_ROLES, type MemberField } from '../data/member-draft';
import { NewMemberStore } from '../data/new-member.store';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';
import { ROLE_LABEL } from '../../../core/i18n/role-labels';

/** The admin's form to add a staff user: name, email, role and a first password. */
@Component({
  selector: 'sb-new-member-form',
  imports: [TranslatePipe, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="card"
      novalidate
      data-testid="new-member-form"
      aria-labelledby="new-member-title"
      (submit)="$event.preventDefault(); save()"
    >
      <h2 id="new-member-title">{{ 'team.add.title' | translate }}</h2>
      <p class="hint">{{ 'team.add.hint' | translate }}</p>
      <div class="grid">
        <div class="field">
          <label for="member-name">{{ 'team.name' | translate }}</label>
          <input
            id="member-name"
            type="text"
            autocomplete="off"
            data-testid="member-name"
            [maxLength]="limits.name"
            [value]="store.draft().name"
            [attr.aria-invalid]="!!errors().name"
            [attr.aria-describedby]="errors().name ? 'member-name-error' : null"
            (input)="set('name', $event)"
          />
          @if (errors().name; as e) {
            <p class="field-error" id="member-name-error" data-testid="member-name-error">{{ e }}</p>
          }
        </div>
        <div class="field">
          <label for="member-email">{{ 'team.email' | translate }}</label>
          <input
            id="member-email"
            type="email"
            autocomplete="off"
            data-testid="member-email"
            [maxLength]="limits.email"
            [value]="store.draft().email"
            [attr.aria-invalid]="!!errors().email"
            [attr.aria-describedby]="errors().email ? 'member-email-error' : null"
            (input)="set('email', $event)"
          />
          @if (errors().email; as e) {
            <p class="field-error" id="member-email-error" data-testid="member-email-error">{{ e }}</p>
          }
        </div>
        <div class="field">
          <label for="member-role">{{ 'team.role' | translate }}</label>
          <select
            id="member-role"
            data-testid="member-role"
            [attr.aria-invalid]="!!errors().role"
            (change)="set('role', $event)"
          >
            @for (role of roles; track role) {
              <option [value]="role" [selected]="role === store.draft().role">{{ roleLabel[role] | translate }}</option>
            }
          </select>
          @if (errors().role; as e) {
            <p class="field-error" data-testid="member-role-error">{{ e }}</p>
          }
        </div>
        <div class="field">
          <label for="member-password">{{ 'team.password' | translate }}</label>
          <input
            id="member-password"
            type="password"
            autocomplete="new-password"
            data-testid="member-password"
            [value]="store.draft().password"
            [attr.aria-invalid]="!!errors().password"
            aria-describedby="member-password-note"
            (input)="set('password', $event)"
          />
          <sb-field-note
            noteId="member-password-note"
            errorTestId="member-password-error"
            [hint]="'password.hint' | translate: { min: limits.passwordMin, max: limits.passwordMax }"
            [error]="errors().password"
          />
        </div>
      </div>
      @if (saveError(); as e) {
        <p class="alert" role="alert" data-testid="member-save-error">{{ e }}</p>
      }
      <div class="actions">
        <button
          type="submit"
          class="primary"
          data-testid="member-submit"
          [disabled]="store.saving()"
          [attr.aria-busy]="store.saving()"
        >
          {{ (store.saving() ? 'team.add.submitting' : 'team.add.submit') | translate }}
        </button>
        <p class="done" role="status" data-testid="member-added">
          @if (store.added(); as added) {
            {{ 'team.add.done' | translate: { name: added.name } }}
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
    .grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem 1rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      min-width: 0;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
    }
    select {
      padding: 0.5rem 0.65rem;
    }
    select[aria-invalid='true'] {
      border-color: var(--sb-red);
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
      overflow-wrap: anywhere;
    }
    @media (max-width: 640px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class NewMemberFormComponent {
  protected readonly store = inject(NewMemberStore);
  private readonly i18n = inject(I18nService);

  protected readonly roles = MEMBER_ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  // No maxLength on the password: a pasted password cut short without a word would not be the one the admin passes on.
  protected readonly limits = {
    name: MEMBER_NAME_MAX,
    email: MEMBER_EMAIL_MAX,
    passwordMin: PASSWORD_MIN_LENGTH,
    passwordMax: PASSWORD_MAX_BYTES,
  };
  protected readonly errors = computed(() => ({
    name: fieldText(this.i18n, this.store.fieldError('name')),
    email: fieldText(this.i18n, this.store.fieldError('email')),
    role: fieldText(this.i18n, this.store.fieldError('role')),
    password: fieldText(this.i18n, this.store.fieldError('password')),
  }));
  protected readonly saveError = computed(() => requestText(this.i18n, this.store.saveError()));

  protected set(field: MemberField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.store.update(field === 'role' ? { role: value as StaffRole } : { [field]: value });
  }

  protected save(): void {
    void this.store.save();
  }
}
