export const PASSWORD_MIN_LENGTH = 8;
/**
 * Accounts whose hash predates scrypt are still checked with bcrypt, which reads only 72 bytes of a
 * password: longer ones are refused, never cut.
 */
export const PASSWORD_MAX_BYTES = 72;
