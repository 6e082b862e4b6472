import { listContactsQuerySchema, updateContactSchema } from './contacts.schema';

describe('contacts contract', () => {
  it('a change names something to change; null clears email and phone', () => {
    expect(updateContactSchema.safeParse({}).success).toBe(false);
    expect(updateContactSchema.parse({ email: null, phone: null })).toEqual({ email: null, phone: null });
    expect(updateContactSchema.parse({ name: '  Carla Pérez ', phone: ' +34 600 000 000 ' })).toEqual({
      name: 'Carla Pérez',
      phone: '+34 600 000 000',
    });
  });

  it('refuses an empty name, a bad email and an empty or long phone', () => {
    expect(updateContactSchema.safeParse({ name: '  ' }).success).toBe(false);
    expect(updateContactSchema.safeParse({ email: 'not an email' }).success).toBe(false);
    expect(updateContactSchema.safeParse({ phone: ' ' }).success).toBe(false);
    expect(updateContactSchema.safeParse({ phone: '1'.repeat(33) }).success).toBe(false);
  });

  it('a search needs two characters', () => {
    expect(listContactsQuerySchema.safeParse({ q: ' a ' }).success).toBe(false);
    expect(listContactsQuerySchema.parse({ q: ' al ' })).toEqual({ q: 'al', limit: 30 });
  });
});
