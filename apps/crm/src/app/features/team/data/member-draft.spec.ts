import { createUserRequestSchema } from '@switchboard/contracts';
import { PASSWORD_MAX_BYTES } from '@switchboard/contracts/types';
import {
  EMPTY_MEMBER,
  MEMBER_EMAIL_MAX,
  MEMBER_NAME_MAX,
  memberErrors,
  trimmedMember,
  type MemberDraft,
} from './member-draft';

const valid: MemberDraft = { name: 'Alba Agente', email: 'alba@example.com', role: 'agent', password: 'long-enough' };

describe('member draft', () => {
  it('refuses what the contract refuses, field by field', () => {
    const cases: Partial<MemberDraft>[] = [
      {},
      { name: '   ' },
      { name: ` ${'n'.repeat(MEMBER_NAME_MAX)} ` },
      { name: 'n'.repeat(MEMBER_NAME_MAX + 1) },
      { email: 'alba' },
      { email: 'alba@example' },
      { email: 'alba@example.c' },
      { email: 'alba@@example.com' },
      { email: 'al ba@example.com' },
      { email: '.alba@example.com' },
      { email: "o'neil+crm@mail.example.co" },
      { email: ' Alba@Example.COM ' },
      { email: `${'a'.repeat(MEMBER_EMAIL_MAX - 12)}@example.com` },
      { email: `${'a'.repeat(MEMBER_EMAIL_MAX - 11)}@example.com` },
      { password: 'short12' },
      { password: '        ' },
      { password: 'p'.repeat(PASSWORD_MAX_BYTES) },
      { password: 'p'.repeat(PASSWORD_MAX_BYTES + 1) },
      { password: 'ñ'.repeat(PASSWORD_MAX_BYTES / 2 + 1) },
      { ...EMPTY_MEMBER },
    ];
    for (const patch of cases) {
      const d = { ...valid, ...patch };
      const contractFields = [
        ...new Set(
          (createUserRequestSchema.safeParse(trimmedMember(d)).error?.issues ?? []).map((i) => String(i.path[0])),
        ),
      ].sort();
      expect({ patch, fields: Object.keys(memberErrors(d)).sort() }).toEqual({ patch, fields: contractFields });
    }
  });

  it('sends the name and email trimmed and the password exactly as typed', () => {
    expect(
      trimmedMember({ name: ' Alba ', email: ' alba@example.com ', role: 'marketer', password: ' pass word ' }),
    ).toEqual({
      name: 'Alba',
      email: 'alba@example.com',
      role: 'marketer',
      password: ' pass word ',
    });
  });
});
