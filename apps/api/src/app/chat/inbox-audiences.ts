import { canSee, staffRoomsFor } from './conversation-access';
import { chatRooms } from './chat-rooms';
import type { ReadCursor } from './events/chat.events';

/** Whom a conversation's row is about: who may see it follows from these two. */
export interface RowParties {
  assignee: { id: string } | null;
  contact: { id: string };
}

/** Who gets one copy of an inbox row: sockets in `rooms` but in none of `except`, at `readSeq`. */
export interface InboxAudience {
  rooms: string[];
  except: string[];
  readSeq: number;
}

/**
 * The inbox pushes for a conversation row differ only by the viewer's unread count, so viewers
 * are grouped by it: one audience per distinct read cursor, and one for every staff socket that
 * may see the row and has never opened the conversation. With `before`, those who saw the row
 * under the previous assignee are included (their lists drop it). Sockets in `informed` have the
 * news already and get nothing.
 */
export function inboxAudiences(
  view: RowParties,
  cursors: ReadCursor[],
  before?: { assigneeId: string | null },
  informed?: string,
): InboxAudience[] {
  const rooms = [
    ...new Set([...staffRoomsFor(view.assignee?.id ?? null), ...(before ? staffRoomsFor(before.assigneeId) : [])]),
  ];
  const target = { assigneeId: view.assignee?.id ?? null, contactId: view.contact.id };
  const previous = { assigneeId: before?.assigneeId ?? null, contactId: view.contact.id };
  const groups = new Map<number, string[]>();
  const withCursor: string[] = [];
  for (const c of cursors) {
    if (!c.role) continue; // the contact does not get inbox pushes
    const room = chatRooms.user(c.participant_id);
    withCursor.push(room);
    const who = { sub: c.participant_id, role: c.role, name: '' };
    if (!canSee(who, target) && !(before !== undefined && canSee(who, previous))) continue;
    groups.set(c.last_read_seq, [...(groups.get(c.last_read_seq) ?? []), room]);
  }
  const skip = informed ? [informed] : [];
  const audiences = [...groups].map(([readSeq, userRooms]) => ({ rooms: userRooms, except: skip, readSeq }));
  audiences.push({ rooms, except: [...withCursor, ...skip], readSeq: 0 });
  return audiences;
}
