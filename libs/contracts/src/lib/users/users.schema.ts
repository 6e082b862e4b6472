import { z } from 'zod';
import { emailSchema, staffRoleSchema, userSchema } from '../auth/auth.schema';

export const createUserRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: staffRoleSchema,
  password: z.string().min(8).max(200),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userWithPresenceSchema = userSchema.extend({ online: z.boolean() });
export type UserWithPresence = z.infer<typeof userWithPresenceSchema>;

export const userListSchema = z.object({ items: z.array(userWithPresenceSchema) });
export type UserList = z.infer<typeof userListSchema>;
