import type { Role } from '../auth/auth.schema';
import type { ChatClientEvents, ChatServerEvents } from '../chat/chat.events';
import type { NotificationsClientEvents, NotificationsServerEvents } from '../notifications/notifications.schema';
import type { StatsClientEvents, StatsServerEvents } from '../stats/stats.schema';
import type { BulkClientEvents, BulkServerEvents } from '../bulk/bulk.events';
import { roleGroups } from '../auth/role-groups';

/** Who may open each Socket.IO namespace (checked in the handshake). */
export const namespaceRoles = {
  '/chat': roleGroups.everyone,
  '/notifications': roleGroups.staff,
  '/stats': roleGroups.managers,
  '/bulk': roleGroups.campaigns,
} as const satisfies Record<string, readonly Role[]>;

export type Namespace = keyof typeof namespaceRoles;

/** Typed event maps per namespace, for socket.io and socket.io-client generics. */
export interface NamespaceEvents {
  '/chat': { client: ChatClientEvents; server: ChatServerEvents };
  '/notifications': { client: NotificationsClientEvents; server: NotificationsServerEvents };
  '/stats': { client: StatsClientEvents; server: StatsServerEvents };
  '/bulk': { client: BulkClientEvents; server: BulkServerEvents };
}

export const mayUseNamespace = (ns: string, role: Role): boolean =>
  ns in namespaceRoles && (namespaceRoles[ns as Namespace] as readonly Role[]).includes(role);
