/**
 * Who may do what, by group: the one place a set of roles is spelled. Routes, gateways, guards and
 * the app's navigation name a group, never a list. Free of zod, so the browser loads it as it is.
 */
export const staffRoles = ['admin', 'supervisor', 'agent', 'marketer'] as const;
export const roles = [...staffRoles, 'contact'] as const;

export const roleGroups = {
  /** Anyone with a session, customers included. */
  everyone: roles,
  /** The team: everyone but customers. */
  staff: staffRoles,
  /** Who works conversations in the inbox. */
  inbox: ['admin', 'supervisor', 'agent'],
  /** The inbox's staff and the conversation's own customer. */
  participants: ['admin', 'supervisor', 'agent', 'contact'],
  /** Customers only: what only a conversation's own customer does (rating it). */
  customers: ['contact'],
  /** Who runs the team: the dashboard, labels, the work of others. */
  managers: ['admin', 'supervisor'],
  /** Who runs bulk campaigns. */
  campaigns: ['admin', 'marketer'],
  /** Who manages users, channels and settings. */
  admins: ['admin'],
} as const satisfies Record<string, readonly (typeof roles)[number][]>;

/** Whether `role` is one of `roles` (a group above, or a route's list); no role is in none. */
export const roleIn = (roles: readonly string[], role: string | null | undefined): boolean =>
  role != null && roles.includes(role);
