export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads 72 bytes of a password and ignores the rest: longer ones are refused, never cut. */
export const PASSWORD_MAX_BYTES = 72;
