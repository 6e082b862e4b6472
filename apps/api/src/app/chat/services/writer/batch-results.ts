import type { AttachmentLinks } from '../../attachment-links';
import { toConversationView, type ConversationRow, type ConversationView } from '../../mappers/conversation.mapper';
import { toMessage } from '../../mappers/message.mapper';
import type { ConversationChange, Sequenced } from '../message-sequence';
import { moveKey, readCursorsAfter, type CursorMove } from './batch-reads';
import type { BatchRows } from './batch-rows';
import type { LockedRow, Pending, Written } from './writer.types';

/**
 * The publish step's answers, one per written send: its message, and its conversation as the
 * write statement left it (the locked row moved on by the batch), which is what the pushes carry.
 */
export function writtenAnswers(
  fresh: Pending[],
  sequenced: Sequenced[],
  changes: ConversationChange[],
  rows: BatchRows,
  moves: ReadonlyMap<string, CursorMove>,
  locked: ReadonlyMap<string, LockedRow>,
  links: AttachmentLinks,
): Map<Pending, Written> {
  const views = new Map<string, ConversationView>(
    changes.map((c) => [c.id, toConversationView(after(locked.get(c.id) as LockedRow, c, rows))]),
  );
  const cursors = readCursorsAfter(locked, moves.values());
  const written = new Map<Pending, Written>();
  fresh.forEach((p, i) => {
    const move = p.author.actor ? moves.get(moveKey(p.input.conversationId, p.author.actor.sub)) : undefined;
    written.set(p, {
      message: toMessage(rows.messages[i], links),
      conversation: views.get(p.input.conversationId) as ConversationView,
      readCursors: cursors.get(p.input.conversationId) ?? [],
      firstResponse: sequenced[i].firstResponse,
      reopened: sequenced[i].reopened,
      announced: sequenced[i].announced,
      duplicate: false,
      // Owed on the author's last message of the batch only.
      unreadUpTo: move?.seq === sequenced[i].seq ? move.unreadUpTo : null,
    });
  });
  return written;
}

/** A locked conversation row as the write statement leaves it. */
function after(before: LockedRow, c: ConversationChange, rows: BatchRows): ConversationRow {
  const txNow = before.tx_now;
  return {
    ...before,
    last_seq: c.lastSeq,
    version: before.version + c.added,
    last_message_at: txNow,
    last_activity_at: txNow,
    last_message_preview: rows.previews.get(c.id) ?? null,
    status: c.status,
    created_at: c.announced ? txNow : before.created_at,
    first_response_at: c.firstResponse ? txNow : c.reopened ? null : before.first_response_at,
    contact_last_inbound_at: rows.inboundContacts.has(before.contact_id) ? txNow : before.contact_last_inbound_at,
  };
}
