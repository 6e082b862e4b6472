import { loginRequestSchema, tokenClaimsSchema } from './auth.schema';
import { createUserRequestSchema } from '../users/users.schema';
import { mayUseNamespace } from '../common/namespaces';
import { errorResponseSchema, httpStatusByErrorCode, errorCodes } from '../common/errors.schema';

describe('auth contract', () => {
  it('accepts the contract login example and lower-cases the email', () => {
    expect(loginRequestSchema.parse({ email: 'Ana@Example.com', password: 'secret' })).toEqual({
      email: 'ana@example.com',
      password: 'secret',
    });
  });

  it('rejects a login without a password or with a non-email', () => {
    expect(loginRequestSchema.safeParse({ email: 'ana@example.com' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ email: 'ana', password: 'x' }).success).toBe(false);
  });

  it('only creates staff roles, never contacts', () => {
    const base = { email: 'a@b.co', name: 'A', password: 'long-enough' };
    expect(createUserRequestSchema.safeParse({ ...base, role: 'marketer' }).success).toBe(true);
    expect(createUserRequestSchema.safeParse({ ...base, role: 'contact' }).success).toBe(false);
  });

  it('token claims carry any role including contact, and always their session', () => {
    const claims = { sub: '3f1c2b8e-7a4d-4f5e-9c1a-2b3c4d5e6f70', role: 'contact', name: 'C' };
    expect(tokenClaimsSchema.safeParse({ ...claims, sid: '4f1c2b8e-7a4d-4f5e-9c1a-2b3c4d5e6f70' }).success).toBe(true);
    expect(tokenClaimsSchema.safeParse(claims).success).toBe(false);
  });

  it('takes passwords of 8 characters to 72 bytes and refuses longer ones rather than cutting them', () => {
    const base = { email: 'a@b.co', name: 'A', role: 'agent' };
    expect(createUserRequestSchema.safeParse({ ...base, password: 'x'.repeat(72) }).success).toBe(true);
    expect(createUserRequestSchema.safeParse({ ...base, password: 'x'.repeat(73) }).success).toBe(false);
    // 36 two-byte characters are 72 bytes; one more is too many although only 37 characters.
    expect(createUserRequestSchema.safeParse({ ...base, password: 'ñ'.repeat(36) }).success).toBe(true);
    expect(createUserRequestSchema.safeParse({ ...base, password: 'ñ'.repeat(37) }).success).toBe(false);
    expect(createUserRequestSchema.safeParse({ ...base, password: 'short' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ email: 'a@b.co', password: 'x'.repeat(73) }).success).toBe(false);
  });
});

describe('namespaces and errors', () => {
  it('maps roles to namespaces as the contract lists them', () => {
    expect(mayUseNamespace('/chat', 'contact')).toBe(true);
    expect(mayUseNamespace('/notifications', 'contact')).toBe(false);
    expect(mayUseNamespace('/stats', 'agent')).toBe(false);
    expect(mayUseNamespace('/stats', 'supervisor')).toBe(true);
    expect(mayUseNamespace('/bulk', 'marketer')).toBe(true);
    expect(mayUseNamespace('/bulk', 'supervisor')).toBe(false);
    expect(mayUseNamespace('/elsewhere', 'admin')).toBe(false);
  });

  it('has the HTTP status of every error code from the contract', () => {
    expect(httpStatusByErrorCode).toEqual({
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      validation_failed: 400,
      conflict: 409,
      payload_too_large: 413,
      rate_limited: 429,
      internal: 500,
      unavailable: 503,
    });
    expect(errorCodes).toHaveLength(9);
  });

  it('accepts the error body example and rejects an unknown code', () => {
    expect(
      errorResponseSchema.safeParse({
        error: { code: 'validation_failed', message: 'Bad', details: [{ path: 'email', message: 'Invalid' }] },
      }).success,
    ).toBe(true);
    expect(errorResponseSchema.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});
