import { z } from 'zod';
import { text, utf8Length } from '../common/text.schema';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from './password-rules';
import { roles, staffRoles } from './role-groups';

export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from './password-rules';

export const staffRoleSchema = z.enum(staffRoles);
export const roleSchema = z.enum(roles);
export type StaffRole = z.infer<typeof staffRoleSchema>;
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  /** An inactive user cannot sign in and has no working session. */
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

const maxBytes = (s: string) => utf8Length(s) <= PASSWORD_MAX_BYTES;
const tooLong = `must be at most ${PASSWORD_MAX_BYTES} bytes`;

/** A new password: 8 characters to 72 bytes. */
export const passwordSchema = text()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine(maxBytes, tooLong)
  .meta({ description: `≤ ${PASSWORD_MAX_BYTES} bytes in UTF-8` });

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: text()
    .min(1)
    .refine(maxBytes, tooLong)
    .meta({ description: `≤ ${PASSWORD_MAX_BYTES} bytes in UTF-8` }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  accessToken: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** What an access token says about its bearer (staff user or contact). */
export const tokenClaimsSchema = z.object({
  sub: z.uuid(),
  role: roleSchema,
  name: z.string(),
  /** The server-side session this token belongs to: logging out or a revocation ends it. */
  sid: z.uuid(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** POST /api/auth/password: the signed-in user changes their own password; their other sessions end. */
export const changePasswordRequestSchema = z.object({
  currentPassword: loginRequestSchema.shape.password,
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
