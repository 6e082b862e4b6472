import { z } from 'zod';

export const staffRoles = ['admin', 'supervisor', 'agent', 'marketer'] as const;
export const roles = [...staffRoles, 'contact'] as const;

export const staffRoleSchema = z.enum(staffRoles);
export const roleSchema = z.enum(roles);
export type StaffRole = z.infer<typeof staffRoleSchema>;
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
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
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
