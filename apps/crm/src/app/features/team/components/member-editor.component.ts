import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@switchboard/contracts/types';
import type { StaffRole } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';
import { MEMBER_NAME_MAX, MEMBER_ROLES } from '../data/member-draft';
import { MemberEditStore, type MemberEditDone } from '../data/member-edit.store';
import { ROLE_LABEL } from '../../../core/i18n/role-labels';

const DONE_TEXT: Record<MemberEditDone['action'], TranslationKey> = {
  save: 'team.edit.saved',
  deactivate: 'team.deactivate.done',
  reactivate: 'team.reactivate.done',
  password: 'team.setPassword.done',
};

/** The admin's editor under a member's row: name and role, access (deactivate/reactivate), a new password. */
@Component({
  selector: 'sb-member-editor',
  imports: [TranslatePipe, RouterLink, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.member(); as member) {
      <div
        class="editor"
        data-testid="member-editor"
        role="group"
        [attr.aria-label]="'team.edit.title' | translate: { name: member.name }"
      >
        <form class="part" novalidate (submit)="$event.preventDefault(); save()">
          <div class="fields">
            <div class="field">
              <label for="edit-member-name">{{ 'team.name' | translate }}</label>
              <input
                id="edit-member-name"
                type="text"
                autocomplete="off"
                data-testid="member-edit-name"
                [maxLength]="nameMax"
                [value]="store.draft().name"
                [attr.aria-invalid]="!!errors().name"
                [attr.aria-describedby]="errors().name ? 'edit-member-name-error' : null"
                (input)="store.update({ name: value($event) })"
              />
              @if (errors().name; as e) {
                <p class="field-error" id="edit-member-name-error" data-testid="member-edit-name-error">{{ e }}</p>
              }
            </div>
            <div class="field">
              <label for="edit-member-role">{{ 'team.role' | translate }}</label>
              <select
                id="edit-member-role"
                data-testid="member-edit-role"
                [attr.aria-invalid]="!!errors().role"
                [attr.aria-describedby]="store.roleChanged() ? 'edit-member-role-hint' : null"
                (change)="store.update({ role: role($event) })"
              >
                @for (role of roles; track role) {
                  <option [value]="role" [selected]="role === store.draft().role">
                    {{ roleLabel[role] | translate }}
                  </option>
                }
              </select>
              @if (errors().role; as e) {
                <p class="field-error" data-testid="member-edit-role-error">{{ e }}</p>
              }
            </div>
          </div>
          @if (store.demotesSelf()) {
            <p class="warning" id="edit-member-role-hint" data-testid="member-edit-self-warning">
              {{ 'team.edit.demoteSelfWarning' | translate }}
            </p>
          } @else if (store.roleChanged()) {
            <p class="hint" id="edit-member-role-hint" data-testid="member-edit-role-hint">
              {{ 'team.edit.roleHint' | translate: { name: member.name } }}
            </p>
          }
          <div class="actions">
            @if (store.confirming() === 'demoteSelf') {
              <button
                type="button"
                class="danger"
                data-testid="member-demote-confirm"
                [disabled]="!!store.pending()"
                (click)="save()"
              >
                {{ (store.pending() === 'save' ? 'team.edit.saving' : 'team.edit.demoteSelfConfirm') | translate }}
              </button>
              <button
                type="button"
                data-testid="member-confirm-cancel"
                [disabled]="!!store.pending()"
                (click)="store.cancelConfirm()"
              >
                {{ 'team.edit.cancel' | translate }}
              </button>
            } @else {
              <button
                type="submit"
                class="primary"
                data-testid="member-edit-save"
                [disabled]="!store.dirty() || !!store.pending()"
                [attr.aria-busy]="store.pending() === 'save'"
              >
                {{ (store.pending() === 'save' ? 'team.edit.saving' : 'team.edit.save') | translate }}
              </button>
            }
          </div>
          @if (partError().details; as e) {
            <p class="alert" role="alert" data-testid="member-edit-save-error">{{ e }}</p>
          }
        </form>

        <section class="part" aria-labelledby="edit-member-access">
          <h3 id="edit-member-access">{{ 'team.access.title' | translate }}</h3>
          @if (!member.active) {
            <p class="hint">{{ 'team.reactivate.hint' | translate: { name: member.name } }}</p>
            <div class="actions">
              <button
                type="button"
                data-testid="member-reactivate"
                [disabled]="!!store.pending()"
                [attr.aria-busy]="store.pending() === 'reactivate'"
                (click)="reactivate()"
              >
                {{ (store.pending() === 'reactivate' ? 'team.reactivate.busy' : 'team.reactivate.action') | translate }}
              </button>
            </div>
          } @else if (store.confirming() === 'deactivate') {
            <p class="warning" data-testid="member-deactivate-question">
              {{
                (store.isSelf() ? 'team.deactivate.confirmSelf' : 'team.deactivate.confirm')
                  | translate: { name: member.name }
              }}
            </p>
            <div class="actions">
              <button
                type="button"
                class="danger"
                data-testid="member-deactivate-confirm"
                [disabled]="!!store.pending()"
                (click)="confirmDeactivate()"
              >
                {{ (store.pending() === 'deactivate' ? 'team.deactivate.busy' : 'team.deactivate.action') | translate }}
              </button>
              <button
                type="button"
                data-testid="member-confirm-cancel"
                [disabled]="!!store.pending()"
                (click)="store.cancelConfirm()"
              >
                {{ 'team.edit.cancel' | translate }}
              </button>
            </div>
          } @else {
            <p class="hint">{{ 'team.deactivate.hint' | translate: { name: member.name } }}</p>
            <div class="actions">
              <button
                type="button"
                data-testid="member-deactivate"
                [disabled]="!!store.pending()"
                (click)="store.requestDeactivate()"
              >
                {{ 'team.deactivate.start' | translate }}
              </button>
            </div>
          }
          @if (partError().access; as e) {
            <p class="alert" role="alert" data-testid="member-access-error">{{ e }}</p>
          }
        </section>

        <form
          class="part"
          novalidate
          aria-labelledby="edit-member-password-title"
          (submit)="$event.preventDefault(); setPassword()"
        >
          <h3 id="edit-member-password-title">{{ 'team.setPassword.title' | translate }}</h3>
          @if (store.isSelf()) {
            <p class="hint" data-testid="member-password-self">
              {{ 'team.setPassword.self' | translate }}
              <a routerLink="/account">{{ 'team.setPassword.selfLink' | translate }}</a>
            </p>
          } @else {
            <label class="visually-hidden" for="edit-member-password">{{
              'team.setPassword.label' | translate: { name: member.name }
            }}</label>
            <div class="inline">
              <input
                id="edit-member-password"
                type="password"
                autocomplete="new-password"
                data-testid="member-new-password"
                [placeholder]="'team.setPassword.placeholder' | translate"
                [value]="store.password()"
                [attr.aria-invalid]="!!errors().password"
                aria-describedby="edit-member-password-note"
                (input)="store.updatePassword(value($event))"
              />
              <button
                type="submit"
                data-testid="member-set-password"
                [disabled]="!!store.pending()"
                [attr.aria-busy]="store.pending() === 'password'"
              >
                {{ (store.pending() === 'password' ? 'team.setPassword.busy' : 'team.setPassword.action') | translate }}
              </button>
            </div>
            <sb-field-note
              noteId="edit-member-password-note"
              errorTestId="member-new-password-error"
              [hint]="'team.setPassword.hint' | translate: { name: member.name, min: passwordMin, max: passwordMax }"
              [error]="errors().password"
            />
            @if (partError().password; as e) {
              <p class="alert" role="alert" data-testid="member-password-error">{{ e }}</p>
            }
          }
        </form>

        <p class="done" role="status" data-testid="member-edit-done">{{ doneText() }}</p>
      </div>
    }
  `,
  styles: `
    .editor {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 1rem 1.5rem;
      padding: 0.25rem 0 0.5rem;
    }
    .part {
      display: flex;
      flex-direction: column;
      gap: 0.45rem;
      min-width: 0;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1 1 9rem;
      min-width: 0;
    }
    h3 {
      margin: 0;
      font-size: 0.85rem;
    }
    label {
      font-size: 0.8rem;
      font-weight: 600;
    }
    .inline {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .inline input {
      flex: 1 1 9rem;
      min-width: 0;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .hint,
    .warning,
    .field-error,
    .alert,
    .done {
      margin: 0;
      font-size: 0.8rem;
      overflow-wrap: anywhere;
    }
    .hint {
      color: var(--sb-muted);
    }
    .warning {
      color: var(--sb-red);
      font-weight: 600;
    }
    .field-error {
      color: var(--sb-red);
    }
    .alert {
      padding: 0.4rem 0.6rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
    }
    .done {
      grid-column: 1 / -1;
      color: var(--sb-green-strong);
    }
    .done:empty {
      display: none;
    }
    button.primary {
      padding: 0.45rem 0.9rem;
    }
    button.danger {
      background: var(--sb-red);
      border-color: var(--sb-red);
      color: #fff;
    }
    select[aria-invalid='true'] {
      border-color: var(--sb-red);
    }
  `,
})
export class MemberEditorComponent {
  protected readonly store = inject(MemberEditStore);
  private readonly i18n = inject(I18nService);

  protected readonly roles = MEMBER_ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly nameMax = MEMBER_NAME_MAX;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_BYTES;

  protected readonly errors = computed(() => ({
    name: fieldText(this.i18n, this.store.fieldError('name')),
    role: fieldText(this.i18n, this.store.fieldError('role')),
    password: fieldText(this.i18n, this.store.fieldError('password')),
  }));
  protected readonly partError = computed(() => ({
    details: requestText(this.i18n, this.store.errorFor('details')),
    access: requestText(this.i18n, this.store.errorFor('access')),
    password: requestText(this.i18n, this.store.errorFor('password')),
  }));
  protected readonly doneText = computed(() => {
    const done = this.store.done();
    if (!done) return '';
    const key = done.action === 'save' && done.signedOut ? 'team.edit.savedSignedOut' : DONE_TEXT[done.action];
    return this.i18n.t(key, { name: done.name });
  });

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected role(event: Event): StaffRole {
    return (event.target as HTMLSelectElement).value as StaffRole;
  }

  protected save(): void {
    void this.store.save();
  }

  protected confirmDeactivate(): void {
    void this.store.confirmDeactivate();
  }

  protected reactivate(): void {
    void this.store.reactivate();
  }

  protected setPassword(): void {
    void this.store.setPassword();
  }
}
