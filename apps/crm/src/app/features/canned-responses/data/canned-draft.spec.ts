import { createCannedResponseSchema } from '@switchboard/contracts';
import { CANNED_CONTENT_MAX, EMPTY_CANNED, cannedErrors, trimmedCanned, type CannedDraft } from './canned-draft';

describe('canned reply draft', () => {
  it('refuses what the contract refuses, field by field', () => {
    const cases: Partial<CannedDraft>[] = [
      { shortCode: 'greeting', content: 'Hola {{contact.name}}' },
      { shortCode: '  Saludo-1 ', content: ' x ' },
      { shortCode: 'two words', content: 'x' },
      { shortCode: '-dash', content: 'x' },
      { shortCode: 'a'.repeat(33), content: 'x' },
      { shortCode: 'ok', content: '   ' },
      { shortCode: 'ok', content: 'x'.repeat(CANNED_CONTENT_MAX + 1) },
      { shortCode: '', content: '' },
    ];
    for (const patch of cases) {
      const d = trimmedCanned({ ...EMPTY_CANNED, ...patch });
      const contractFields = [
        ...new Set((createCannedResponseSchema.safeParse(d).error?.issues ?? []).map((i) => String(i.path[0]))),
      ].sort();
      expect({ patch, fields: Object.keys(cannedErrors(d)).sort() }).toEqual({ patch, fields: contractFields });
    }
  });

  it('sends the short code as the server stores it, without a / typed out of habit', () => {
    expect(trimmedCanned({ shortCode: ' /Saludo ', content: ' Hola ' })).toEqual({
      shortCode: 'saludo',
      content: 'Hola',
    });
  });
});
