import { updateContactSchema } from '@switchboard/contracts';
import { contactChanges, contactErrors, samePhone, type ContactDraft } from './contact-draft';

const contact = { id: 'k1', name: 'Carla Pérez', email: 'carla@example.com', phone: null };

describe('contact draft', () => {
  it('refuses what the contract refuses, field by field', () => {
    const drafts: ContactDraft[] = [
      { name: 'Carla', email: 'carla@example.com', phone: '+34 600 000 000' },
      { name: '   ', email: '', phone: '' },
      { name: 'x'.repeat(121), email: '', phone: '' },
      { name: 'Carla', email: 'not an email', phone: '' },
      { name: 'Carla', email: '', phone: '1'.repeat(33) },
    ];
    for (const draft of drafts) {
      const body = { name: draft.name.trim(), email: draft.email.trim() || null, phone: draft.phone.trim() || null };
      const contractFields = [
        ...new Set((updateContactSchema.safeParse(body).error?.issues ?? []).map((i) => String(i.path[0]))),
      ].sort();
      expect({ draft, fields: Object.keys(contactErrors(draft)).sort() }).toEqual({ draft, fields: contractFields });
    }
  });

  it('sends only what changed, and clears an emptied email or phone', () => {
    expect(contactChanges(contact, { name: 'Carla Pérez', email: 'carla@example.com', phone: '' })).toBeNull();
    expect(contactChanges(contact, { name: ' Carla P. ', email: '', phone: '+34 600' })).toEqual({
      name: 'Carla P.',
      email: null,
      phone: '+34 600',
    });
  });

  it('takes two ways of writing a phone number for the same number', () => {
    expect(samePhone('+34 600 11 22 33', '+34600112233')).toBe(true);
    expect(samePhone('+34 600 11 22 33', '+34600112234')).toBe(false);
    expect(samePhone(null, null)).toBe(false);
  });
});
