import type { Message } from '@switchboard/contracts';
import type { AttachmentLinks } from '../../attachment-links';
import {
  messageColumns,
  messageExtraColumns,
  replyQuoteOf,
  toMessage,
  type MessageRow,
} from '../../mappers/message.mapper';
import type { BatchSession } from '../batch-transactions';
import { resendKey } from './batch-resends';
import type { Pending, ReplyTarget } from './writer.types';

/** The messages the batch's sends reply to, by id, with the quote each reply will carry. */
export async function replyTargets(session: BatchSession, batch: Pending[]): Promise<Map<string, ReplyTarget>> {
  const ids = batch.map((p) => p.input.replyToId).filter((x): x is string => !!x);
  if (ids.length === 0) return new Map();
  const rows: ({ id: string } & ReplyTarget)[] = await session.query(
    `SELECT q.id, q.conversation_id, q.private, ${replyQuoteOf('q')} AS quote FROM messages q WHERE q.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Attachment address → the conversation it was uploaded to (only our attachments' addresses count). */
export async function uploadTargets(
  session: BatchSession,
  batch: Pending[],
  links: AttachmentLinks,
): Promise<Map<string, string>> {
  const urls = batch.map((p) => p.input.attachment?.url).filter((x): x is string => !!x);
  const byId = new Map(urls.map((u) => [links.idOf(u), u]).filter((e): e is [string, string] => e[0] !== null));
  if (byId.size === 0) return new Map();
  // Share-locked: the sweeper cannot delete an upload a message of this batch is taking.
  const rows: { id: string; conversation_id: string }[] = await session.query(
    `SELECT id, conversation_id FROM attachments WHERE id = ANY($1::uuid[]) FOR SHARE`,
    [[...byId.keys()]],
  );
  return new Map(rows.map((r) => [byId.get(r.id) as string, r.conversation_id]));
}

/** Messages stored already under these sends' channel ids (a channel delivering twice). */
export async function storedByProviderId(
  session: BatchSession,
  sends: Pending[],
  links: AttachmentLinks,
): Promise<Map<string, Message>> {
  const ids = sends.map((p) => p.input.providerMessageId).filter((x): x is string => !!x);
  if (ids.length === 0) return new Map();
  const rows: (MessageRow & { provider_message_id: string })[] = await session.query(
    `SELECT ${messageColumns}, ${messageExtraColumns}, m.provider_message_id FROM messages m WHERE m.provider_message_id = ANY($1::varchar[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.provider_message_id, toMessage(r, links)]));
}

/** Messages stored already under these sends' clientMessageIds, by `resendKey`. */
export async function storedByClientId(
  session: BatchSession,
  sends: Pending[],
  links: AttachmentLinks,
): Promise<Map<string, Message>> {
  if (sends.length === 0) return new Map();
  const rows: MessageRow[] = await session.query(
    `SELECT ${messageColumns}, ${messageExtraColumns} FROM messages m
      JOIN unnest($1::uuid[], $2::varchar[]) AS k(conversation_id, client_message_id)
        ON m.conversation_id = k.conversation_id AND m.client_message_id = k.client_message_id`,
    [sends.map((p) => p.input.conversationId), sends.map((p) => p.input.clientMessageId)],
  );
  return new Map(rows.map((r) => [resendKey(r.conversation_id, r.client_message_id), toMessage(r, links)]));
}
