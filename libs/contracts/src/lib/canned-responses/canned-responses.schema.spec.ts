import {
  createCannedResponseSchema,
  MAX_CANNED_RESPONSE_LENGTH,
  updateCannedResponseSchema,
} from './canned-responses.schema';

describe('canned responses contract', () => {
  it('lower-cases the short code and keeps {{variables}} in the content as written', () => {
    expect(
      createCannedResponseSchema.parse({ shortCode: ' Thanks_1 ', content: 'Hola {{contact.name}}, gracias.\n' }),
    ).toEqual({
      shortCode: 'thanks_1',
      content: 'Hola {{contact.name}}, gracias.',
    });
  });

  it('refuses short codes with spaces, slashes or a leading dash, and longer than 32', () => {
    for (const shortCode of ['two words', '/hi', '-hi', '', 'a'.repeat(33), 'ñandú']) {
      expect(createCannedResponseSchema.safeParse({ shortCode, content: 'x' }).success).toBe(false);
    }
    expect(createCannedResponseSchema.safeParse({ shortCode: 'a'.repeat(32), content: 'x' }).success).toBe(true);
  });

  it('refuses empty content and content past the maximum', () => {
    expect(createCannedResponseSchema.safeParse({ shortCode: 'hi', content: ' \n ' }).success).toBe(false);
    expect(
      createCannedResponseSchema.safeParse({ shortCode: 'hi', content: 'x'.repeat(MAX_CANNED_RESPONSE_LENGTH + 1) })
        .success,
    ).toBe(false);
    expect(updateCannedResponseSchema.safeParse({}).success).toBe(false);
  });
});
