import type { User, UserWithPresence } from '@switchboard/contracts/types';
import type { ServerPayload } from '../../../core/realtime/realtime.types';

export type PresenceChange = ServerPayload<'/chat', 'presence_changed'>;

export function applyPresence(members: UserWithPresence[], { userId, status }: PresenceChange): UserWithPresence[] {
  const online = status === 'online';
  return members.some((m) => m.id === userId && m.online !== online)
    ? members.map((m) => (m.id === userId ? { ...m, online } : m))
    : members;
}

/**
 * A member we just created, placed by name like the server's list. Nobody can be signed in with
 * a brand-new account, so offline; a snapshot that already has them knows better and is kept.
 */
export function addMember(members: UserWithPresence[], user: User): UserWithPresence[] {
  if (members.some((m) => m.id === user.id)) return members;
  return placeByName(members, { ...user, online: false });
}

/** A member as an admin's change left them (the PATCH answer), moved to their place if renamed. */
export function replaceMember(members: UserWithPresence[], user: UserWithPresence): UserWithPresence[] {
  if (!members.some((m) => m.id === user.id)) return members;
  return placeByName(
    members.filter((m) => m.id !== user.id),
    user,
  );
}

function placeByName(members: UserWithPresence[], user: UserWithPresence): UserWithPresence[] {
  const at = members.findIndex((m) => m.name.localeCompare(user.name) > 0);
  const next = [...members];
  next.splice(at === -1 ? next.length : at, 0, user);
  return next;
}
