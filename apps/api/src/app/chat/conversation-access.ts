import type { Role, TokenClaims } from '@switchboard/contracts';
import { roleGroups, roleIn } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { chatRooms } from './chat-rooms';

/**
 * Who may see a conversation (docs/protocol.md, "Who is calling"): admins and supervisors all; an agent those
 * assigned to them plus unassigned ones; a contact only its own. Marketers work campaigns, not
 * conversations.
 */
export type Actor = Pick<TokenClaims, 'sub' | 'role' | 'name'>;

export const seesAll = (role: Role) => roleIn(roleGroups.managers, role);
export const isStaff = (role: Role) => role !== 'contact';

export function canSee(actor: Actor, c: { assigneeId: string | null; contactId: string }): boolean {
  switch (actor.role) {
    case 'admin':
    case 'supervisor':
      return true;
    case 'agent':
      return c.assigneeId === null || c.assigneeId === actor.sub;
    case 'contact':
      return c.contactId === actor.sub;
    default:
      return false;
  }
}

/** A widget conversation is listed for staff only from its contact's first message on (StoredStatus). */
const ANNOUNCED = `c.status <> 'pending'`;

/**
 * The same rule as SQL over `conversations c`, with the actor's id as parameter `$n` (always
 * referenced, so PostgreSQL can type it).
 */
export function visibilityClause(actor: Actor, n: number): string {
  switch (actor.role) {
    case 'admin':
    case 'supervisor':
      return `($${n}::uuid IS NOT NULL AND ${ANNOUNCED})`;
    case 'agent':
      return `((c.assignee_id IS NULL OR c.assignee_id = $${n}) AND ${ANNOUNCED})`;
    case 'contact':
      return `c.contact_id = $${n}`;
    default:
      return `($${n}::uuid IS NULL)`;
  }
}

/**
 * Contacts `ct` the actor may see: those with at least one conversation the actor may see
 * (parameter `$n` is the actor's id, as in `visibilityClause`).
 */
export function contactVisibilityClause(actor: Actor, n: number): string {
  return `EXISTS (SELECT 1 FROM conversations c WHERE c.contact_id = ct.id AND ${visibilityClause(actor, n)})`;
}

export function assertStaffForConversations(actor: Actor): void {
  if (actor.role === 'marketer') throw new AppError('forbidden', 'Marketers do not work conversations');
}

/** The staff rooms that see a conversation with this assignee (the inbox list). */
export const staffRoomsFor = (assigneeId: string | null): string[] => [
  chatRooms.supervisors,
  assigneeId ? chatRooms.user(assigneeId) : chatRooms.agents,
];
