import { signatureOf, validSignature } from './whatsapp-signature';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

describe('X-Hub-Signature-256', () => {
  it('accepts the HMAC-SHA256 of the exact raw body (either hex case)', () => {
    expect(validSignature(body, signatureOf(body, secret), secret)).toBe(true);
    expect(validSignature(body, signatureOf(body, secret).toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(
      true,
    );
  });

  it('refuses another body, another secret, a malformed or missing header, and no secret configured', () => {
    expect(validSignature(Buffer.from(body.toString() + ' '), signatureOf(body, secret), secret)).toBe(false);
    expect(validSignature(body, signatureOf(body, 'other'), secret)).toBe(false);
    expect(validSignature(body, 'sha256=abc', secret)).toBe(false);
    expect(validSignature(body, signatureOf(body, secret).replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(validSignature(body, undefined, secret)).toBe(false);
    expect(validSignature(body, [signatureOf(body, secret)], secret)).toBe(false);
    expect(validSignature(body, signatureOf(body, secret), undefined)).toBe(false);
    expect(validSignature(undefined, signatureOf(body, secret), secret)).toBe(false);
  });
});
