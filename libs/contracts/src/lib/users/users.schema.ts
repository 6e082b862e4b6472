import { z } from 'zod';
import { text } from '../common/text.schema';
import { emailSchema, passwordSchema, staffRoleSchema, userSchema } from '../auth/auth.schema';

export const userNameSchema = text().trim().min(1).max(120);

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: staffRoleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/**
 * PATCH /api/users/:id (admins). A role change or `active: false` ends every session of the user;
 * the last active admin can be neither demoted nor deactivated (409).
 */
export const updateUserRequestSchema = z
  .object({ name: userNameSchema, role: staffRoleSchema, active: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'change at least one of name, role and active');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** POST /api/users/:id/password (admins): a new password; every session of the user ends. */
export const setUserPasswordRequestSchema = z.object({ password: passwordSchema });
export type SetUserPasswordRequest = z.infer<typeof setUserPasswordRequestSchema>;

export const userWithPresenceSchema = userSchema.extend({ online: z.boolean() });
export type UserWithPresence = z.infer<typeof userWithPresenceSchema>;

export const userListSchema = z.object({ items: z.array(userWithPresenceSchema) });
export type UserList = z.infer<typeof userListSchema>;
