import type { Actor } from '../../conversation-access';
import type { ReadCursor } from '../../events/chat.events';
import type { LockedRow, Pending } from './writer.types';

/** How far one person's read cursor moves in one conversation with this batch. */
export interface CursorMove {
  conversationId: string;
  actor: Actor;
  /** Their cursor after the batch: their last message of it. */
  seq: number;
  /** The newest message of others they skipped without having read it, else null. */
  unreadUpTo: number | null;
}

/**
 * Each person who wrote has read everything up to what they wrote. Seqs are gap-free and a
 * conversation's sends are sequenced in batch order, so a gap between the person's cursor (or their
 * previous message) and their message is someone else's messages they had not read.
 */
export function cursorMoves(
  fresh: Pending[],
  seqs: readonly number[],
  locked: ReadonlyMap<string, LockedRow>,
): Map<string, CursorMove> {
  const moves = new Map<string, CursorMove>();
  fresh.forEach((p, i) => {
    const actor = p.author.actor;
    if (!actor) return;
    const key = moveKey(p.input.conversationId, actor.sub);
    let move = moves.get(key);
    if (!move) {
      const before = locked.get(p.input.conversationId)?.read_cursors.find((c) => c.participant_id === actor.sub);
      move = { conversationId: p.input.conversationId, actor, seq: before?.last_read_seq ?? 0, unreadUpTo: null };
      moves.set(key, move);
    }
    if (seqs[i] - 1 > move.seq) move.unreadUpTo = seqs[i] - 1;
    move.seq = seqs[i];
  });
  return moves;
}

export const moveKey = (conversationId: string, participantId: string) => `${conversationId}|${participantId}`;

/** The read cursors of each locked conversation once the writers' own cursors are moved up. */
export function readCursorsAfter(
  locked: ReadonlyMap<string, LockedRow>,
  moves: Iterable<CursorMove>,
): Map<string, ReadCursor[]> {
  const cursors = new Map<string, ReadCursor[]>();
  for (const [id, row] of locked)
    cursors.set(
      id,
      row.read_cursors.map((c) => ({ ...c })),
    );
  for (const m of moves) {
    const list = cursors.get(m.conversationId) as ReadCursor[];
    const mine = list.find((c) => c.participant_id === m.actor.sub);
    if (mine) mine.last_read_seq = Math.max(mine.last_read_seq, m.seq);
    else
      list.push({
        participant_id: m.actor.sub,
        last_read_seq: m.seq,
        role: m.actor.role === 'contact' ? null : m.actor.role,
      });
  }
  return cursors;
}
