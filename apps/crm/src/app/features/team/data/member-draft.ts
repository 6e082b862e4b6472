import type { CreateUserRequest, StaffRole } from '@switchboard/contracts/types';
import type { RuleMessage } from '../../../common/forms/field-messages';
import { newPasswordError } from '../../../common/forms/password-rules';

/*
 * The rules of `createUserRequestSchema` in @switchboard/contracts (its email is zod's
 * `z.email()`; its password rules are in common/forms/password-rules.ts), written inline there (no
 * constant to import), so repeated here (member-draft.spec.ts checks they agree).
 */
export const MEMBER_NAME_MAX = 120;
export const MEMBER_EMAIL_MAX = 254;
export const MEMBER_EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** Agents first: the role most often added. */
export const MEMBER_ROLES = ['agent', 'supervisor', 'marketer', 'admin'] as const satisfies readonly StaffRole[];

export type MemberDraft = CreateUserRequest;
export type MemberField = keyof MemberDraft;

export const EMPTY_MEMBER: MemberDraft = { name: '', email: '', role: 'agent', password: '' };

/** What is sent. The password goes as typed: spaces in it are the user's choice. */
export const trimmedMember = (d: MemberDraft): MemberDraft => ({
  name: d.name.trim(),
  email: d.email.trim(),
  role: d.role,
  password: d.password,
});

export function memberErrors(draft: MemberDraft): Partial<Record<MemberField, RuleMessage>> {
  const d = trimmedMember(draft);
  const errors: Partial<Record<MemberField, RuleMessage>> = {};
  if (!d.name) errors.name = { key: 'team.error.nameRequired' };
  else if (d.name.length > MEMBER_NAME_MAX)
    errors.name = { key: 'team.error.nameTooLong', params: { max: MEMBER_NAME_MAX } };
  if (!d.email) errors.email = { key: 'team.error.emailRequired' };
  else if (d.email.length > MEMBER_EMAIL_MAX || !MEMBER_EMAIL.test(d.email)) errors.email = { key: 'team.error.email' };
  const password = newPasswordError(d.password);
  if (password) errors.password = password;
  return errors;
}
