import { AppError } from '../../../common/errors/app-error';
import { canSee } from '../../conversation-access';
import { WINDOW_CLOSED_MESSAGE, windowAllows } from '../../whatsapp-window';
import { goesOut, type LockedRow, type Pending, type ReplyTarget } from './writer.types';

/** What the batch read before deciding, keyed for lookup. */
export interface BatchFacts {
  locked: ReadonlyMap<string, LockedRow>;
  replies: ReadonlyMap<string, ReplyTarget>;
  /** Attachment address → the conversation it was uploaded to. */
  uploads: ReadonlyMap<string, string>;
  now: Date;
}

/** Why this send may not be written (each send on its own), or null: the validate step. */
export function refusalOf(p: Pending, facts: BatchFacts): AppError | null {
  const c = facts.locked.get(p.input.conversationId);
  if (!c) return new AppError('not_found', 'No such conversation');
  if (p.author.actor && !canSee(p.author.actor, { assigneeId: c.assignee_id, contactId: c.contact_id }))
    return new AppError('forbidden', 'This conversation is not yours');
  if (p.input.private && p.author.type === 'contact') return new AppError('forbidden', 'Private notes are for staff');
  if (p.input.replyToId && !repliesTo(facts.replies.get(p.input.replyToId), c.id, p.input.private)) {
    return new AppError('validation_failed', 'The replied-to message is not in this conversation', [
      { path: 'replyToId', message: 'not a message of this conversation' },
    ]);
  }
  if (p.input.attachment && facts.uploads.get(p.input.attachment.url) !== c.id) {
    return new AppError('validation_failed', 'Upload the file to this conversation first', [
      { path: 'attachment.url', message: 'not an attachment of this conversation' },
    ]);
  }
  if (p.input.template && c.channel !== 'whatsapp') {
    return new AppError('validation_failed', 'Templates are for WhatsApp conversations', [
      { path: 'template', message: 'only on WhatsApp' },
    ]);
  }
  const window = {
    channel: c.channel,
    lastInboundAt: c.contact_last_inbound_at,
    fromContact: !goesOut(p.author.type),
    template: !!p.input.template,
  };
  // A note never reaches WhatsApp, so its window does not apply.
  if (!p.input.private && !windowAllows(window, facts.now))
    return new AppError('conflict', WINDOW_CLOSED_MESSAGE, [
      { path: 'template', message: 'required outside the 24-hour window' },
    ]);
  return null;
}

/** A reply quotes a message of its own conversation, and a contact never one it cannot see. */
/** Only a note may quote a note: a quote travels with its reply, and a public reply reaches the contact. */
const repliesTo = (target: ReplyTarget | undefined, conversationId: string, privately: boolean): boolean =>
  target !== undefined && target.conversation_id === conversationId && (privately || !target.private);
