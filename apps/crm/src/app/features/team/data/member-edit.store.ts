import { Injectable, computed, inject, signal } from '@angular/core';
import type { StaffRole, UpdateUserRequest, UserWithPresence } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage } from '../../../common/forms/field-messages';
import { newPasswordError } from '../../../common/forms/password-rules';
import { MEMBER_NAME_MAX } from './member-draft';
import { TeamApi } from './team.api';
import { TeamStore } from './team.store';

/** The three things an admin does to a member; each shows its own error beside it. */
export type MemberEditPart = 'details' | 'access' | 'password';
export type MemberEditAction = 'save' | 'deactivate' | 'reactivate' | 'password';
export type MemberEditField = 'name' | 'role' | 'password';
/** What waits for a second click: deactivating anyone, or an admin giving up their own admin role. */
export type MemberEditConfirm = 'deactivate' | 'demoteSelf';

export interface MemberDetailsDraft {
  name: string;
  role: StaffRole;
}

export interface MemberEditDone {
  action: MemberEditAction;
  name: string;
  /** A role change ends the member's sessions (the confirmation says so). */
  signedOut: boolean;
}

const PART_OF: Record<MemberEditAction, MemberEditPart> = {
  save: 'details',
  deactivate: 'access',
  reactivate: 'access',
  password: 'password',
};
const FIELDS: readonly MemberEditField[] = ['name', 'role', 'password'];

/**
 * An admin's changes to one member of the team at a time: rename and role, deactivate (after a
 * confirmation) or reactivate, and a new password. The list shows each PATCH answer at once;
 * errors (the last admin's 409, field errors, a rate limit) stay beside the part they are about.
 * Provided by the team route.
 */
@Injectable()
export class MemberEditStore {
  private readonly api = inject(TeamApi);
  private readonly team = inject(TeamStore);
  private readonly auth = inject(AuthStore);

  private readonly _memberId = signal<string | null>(null);
  private readonly _draft = signal<MemberDetailsDraft>({ name: '', role: 'agent' });
  private readonly _password = signal('');
  private readonly _detailsTried = signal(false);
  private readonly _passwordTried = signal(false);
  private readonly _pending = signal<MemberEditAction | null>(null);
  private readonly _confirming = signal<MemberEditConfirm | null>(null);
  private readonly _fieldErrors = signal<Partial<Record<MemberEditField, FieldMessage>>>({});
  private readonly _error = signal<{ part: MemberEditPart; error: unknown } | null>(null);
  private readonly _done = signal<MemberEditDone | null>(null);
  /** Bumped whenever another member is opened (or none): answers for an earlier one only update the list. */
  private visit = 0;

  /** Whose editor is open, if anyone's. */
  readonly memberId = this._memberId.asReadonly();
  /** That member as the list shows them now. */
  readonly member = computed<UserWithPresence | null>(
    () => this.team.members()?.find((m) => m.id === this._memberId()) ?? null,
  );
  readonly isSelf = computed(() => this._memberId() !== null && this._memberId() === this.auth.user()?.id);
  readonly draft = this._draft.asReadonly();
  readonly password = this._password.asReadonly();
  /** The request in flight; one at a time. */
  readonly pending = this._pending.asReadonly();
  readonly confirming = this._confirming.asReadonly();
  /** The last success, for the confirmation line; cleared by the next edit or action. */
  readonly done = this._done.asReadonly();

  readonly roleChanged = computed(() => {
    const member = this.member();
    return !!member && member.role !== this._draft().role;
  });
  /** Something to save: the trimmed name or the role differ from the member's. */
  readonly dirty = computed(() => {
    const member = this.member();
    return !!member && (this.roleChanged() || this._draft().name.trim() !== member.name);
  });
  /** The signed-in admin is about to drop their own admin role, which also signs them out. */
  readonly demotesSelf = computed(
    () => this.isSelf() && this.member()?.role === 'admin' && this._draft().role !== 'admin',
  );

  private readonly localErrors = computed(() => {
    const errors: Partial<Record<MemberEditField, FieldMessage>> = {};
    const name = this._draft().name.trim();
    if (!name) errors.name = { key: 'team.error.nameRequired' };
    else if (name.length > MEMBER_NAME_MAX)
      errors.name = { key: 'team.error.nameTooLong', params: { max: MEMBER_NAME_MAX } };
    const password = newPasswordError(this._password());
    if (password) errors.password = password;
    return errors;
  });

  fieldError(field: MemberEditField): FieldMessage | null {
    const server = this._fieldErrors()[field];
    if (server) return server;
    const tried = field === 'password' ? this._passwordTried() : this._detailsTried();
    return (tried && this.localErrors()[field]) || null;
  }

  /** The failure of the last request about `part` that no field explains (409, 404, network, 429…). */
  errorFor(part: MemberEditPart): unknown {
    const error = this._error();
    return error?.part === part ? error.error : null;
  }

  /** Opens the editor on `member`, closing any other (its unsaved edits are dropped). */
  open(member: UserWithPresence): void {
    this.reset(member.id);
    this._draft.set({ name: member.name, role: member.role });
  }

  close(): void {
    this.reset(null);
  }

  update(patch: Partial<MemberDetailsDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this.edited(Object.keys(patch) as MemberEditField[], 'details');
  }

  updatePassword(password: string): void {
    this._password.set(password);
    this.edited(['password'], 'password');
  }

  /** Saves the name and role; giving up one's own admin role asks for a confirmation first. */
  async save(): Promise<void> {
    this._detailsTried.set(true);
    const member = this.member();
    if (!member || this._pending() || this.localErrors().name || !this.dirty()) return;
    if (this.demotesSelf() && this._confirming() !== 'demoteSelf') {
      this._confirming.set('demoteSelf');
      return;
    }
    const { name, role } = this._draft();
    const patch: UpdateUserRequest = {};
    if (name.trim() !== member.name) patch.name = name.trim();
    if (role !== member.role) patch.role = role;
    await this.patch('save', member, patch);
  }

  /** Deactivation ends every session of the member: it waits for `confirmDeactivate`. */
  requestDeactivate(): void {
    if (this._pending()) return;
    this._done.set(null);
    this._error.set(null);
    this._confirming.set('deactivate');
  }

  async confirmDeactivate(): Promise<void> {
    const member = this.member();
    if (!member || this._pending() || this._confirming() !== 'deactivate') return;
    await this.patch('deactivate', member, { active: false });
  }

  async reactivate(): Promise<void> {
    const member = this.member();
    if (!member || this._pending()) return;
    await this.patch('reactivate', member, { active: true });
  }

  cancelConfirm(): void {
    this._confirming.set(null);
  }

  async setPassword(): Promise<void> {
    this._passwordTried.set(true);
    const member = this.member();
    if (!member || this._pending() || this.localErrors().password || this.isSelf()) return;
    const visit = this.visit;
    this.starting('password');
    try {
      await this.api.setPassword(member.id, this._password());
      if (visit !== this.visit) return;
      this._password.set('');
      this._passwordTried.set(false);
      this._done.set({ action: 'password', name: member.name, signedOut: true });
    } catch (error) {
      if (visit === this.visit) this.fail('password', error);
    } finally {
      if (visit === this.visit) this._pending.set(null);
    }
  }

  private async patch(
    action: Exclude<MemberEditAction, 'password'>,
    member: UserWithPresence,
    body: UpdateUserRequest,
  ): Promise<void> {
    const visit = this.visit;
    this.starting(action);
    try {
      const updated = await this.api.update(member.id, body);
      this.team.replace(updated);
      this.auth.updateUser(updated);
      if (visit !== this.visit) return;
      this._draft.set({ name: updated.name, role: updated.role });
      this._detailsTried.set(false);
      this._done.set({ action, name: updated.name, signedOut: action === 'deactivate' || body.role !== undefined });
    } catch (error) {
      if (visit === this.visit) this.fail(PART_OF[action], error);
    } finally {
      if (visit === this.visit) {
        this._pending.set(null);
        this._confirming.set(null);
      }
    }
  }

  private starting(action: MemberEditAction): void {
    this._pending.set(action);
    this._error.set(null);
    this._done.set(null);
    this._fieldErrors.set({});
  }

  private fail(part: MemberEditPart, error: unknown): void {
    const fields: Partial<Record<MemberEditField, FieldMessage>> = {};
    const wanted = part === 'password' ? (['password'] as const) : (['name', 'role'] as const);
    for (const [field, text] of Object.entries(serverFieldMessages(toApiError(error), FIELDS))) {
      if ((wanted as readonly string[]).includes(field)) fields[field as MemberEditField] = { text: text as string };
    }
    this._fieldErrors.set(fields);
    if (Object.keys(fields).length === 0) this._error.set({ part, error });
  }

  private edited(fields: readonly MemberEditField[], part: MemberEditPart): void {
    this._done.set(null);
    if (this._error()?.part === part) this._error.set(null);
    if (part === 'details') this._confirming.update((c) => (c === 'demoteSelf' ? null : c));
    this._fieldErrors.update((errors) => {
      const next = { ...errors };
      for (const field of fields) delete next[field];
      return next;
    });
  }

  private reset(memberId: string | null): void {
    this.visit++;
    this._memberId.set(memberId);
    this._password.set('');
    this._detailsTried.set(false);
    this._passwordTried.set(false);
    this._pending.set(null);
    this._confirming.set(null);
    this._fieldErrors.set({});
    this._error.set(null);
    this._done.set(null);
  }
}
