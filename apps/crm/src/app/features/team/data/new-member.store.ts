import { Injectable, computed, inject, signal } from '@angular/core';
import type { User } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage } from '../../../common/forms/field-messages';
import { EMPTY_MEMBER, memberErrors, trimmedMember, type MemberDraft, type MemberField } from './member-draft';
import { TeamApi } from './team.api';
import { TeamStore } from './team.store';

const FIELDS = Object.keys(EMPTY_MEMBER) as MemberField[];

/**
 * The admin's "add a team member" form: the draft with the contract's rules, the server's field
 * errors (a taken email on the email field), and on success the new member in the list and an
 * empty form. Provided by the team route.
 */
@Injectable()
export class NewMemberStore {
  private readonly api = inject(TeamApi);
  private readonly team = inject(TeamStore);

  private readonly _draft = signal<MemberDraft>(EMPTY_MEMBER);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<MemberField, FieldMessage>>>({});
  private readonly _saving = signal(false);
  private readonly _saveError = signal<unknown>(null);
  private readonly _added = signal<User | null>(null);

  readonly draft = this._draft.asReadonly();
  readonly saving = this._saving.asReadonly();
  /** A failed create that is not about one field (network, permissions…). */
  readonly saveError = this._saveError.asReadonly();
  /** Who was just added, for the confirmation; cleared by the next edit. */
  readonly added = this._added.asReadonly();
  private readonly localErrors = computed(() => memberErrors(this._draft()));
  readonly valid = computed(() => Object.keys(this.localErrors()).length === 0);

  fieldError(field: MemberField): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return server;
    return (this._submitted() && this.localErrors()[field]) || null;
  }

  update(patch: Partial<MemberDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._added.set(null);
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as MemberField[]) delete next[key];
      return next;
    });
  }

  async save(): Promise<User | null> {
    this._submitted.set(true);
    this._added.set(null);
    if (!this.valid() || this._saving()) return null;
    this._saving.set(true);
    this._saveError.set(null);
    this._serverErrors.set({});
    try {
      const user = await this.api.create(trimmedMember(this._draft()));
      this.team.add(user);
      this._draft.set(EMPTY_MEMBER);
      this._submitted.set(false);
      this._added.set(user);
      return user;
    } catch (error) {
      this.fail(error);
      return null;
    } finally {
      this._saving.set(false);
    }
  }

  private fail(error: unknown): void {
    const apiError = toApiError(error);
    const fields: Partial<Record<MemberField, FieldMessage>> = {};
    if (apiError.code === 'conflict') {
      // The only unique thing about a user is the email; our words say what to do about it.
      fields.email = { key: 'team.error.emailTaken' };
    } else {
      for (const [field, text] of Object.entries(serverFieldMessages(apiError, FIELDS)))
        fields[field as MemberField] = { text: text as string };
    }
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._saveError.set(error);
  }
}
