import { randomUUID } from 'node:crypto';
import type { AttachmentLinks } from '../../attachment-links';
import { previewOf } from '../../mappers/conversation.mapper';
import type { MessageRow } from '../../mappers/message.mapper';
import type { ConversationChange, Sequenced } from '../message-sequence';
import type { CursorMove } from './batch-reads';
import { writeValues, type WriteParameter } from './writer-statements';
import { goesOut, type LockedRow, type Pending, type ReplyTarget } from './writer.types';

/** What the batch stores: its message rows, each conversation's new preview, the contacts who wrote on WhatsApp. */
export interface BatchRows {
  messages: MessageRow[];
  previews: Map<string, string>;
  inboundContacts: Set<string>;
}

/** What the earlier steps of a batch found out, which its rows are made from. */
export interface RowFacts {
  sequenced: Sequenced[];
  changes: ConversationChange[];
  locked: ReadonlyMap<string, LockedRow>;
  replies: ReadonlyMap<string, ReplyTarget>;
}

/** The persist step's rows, worked out here (ids, seqs, the transaction's time) so nothing is read back. */
export function batchRows(
  fresh: Pending[],
  { sequenced, changes, locked, replies }: RowFacts,
  links: Pick<AttachmentLinks, 'plainUrl' | 'idOf'>,
): BatchRows {
  const channelOf = (p: Pending) => (locked.get(p.input.conversationId) as LockedRow).channel;
  const txNow = (locked.values().next().value as LockedRow).tx_now;
  const messages: MessageRow[] = fresh.map((p, i) => ({
    id: randomUUID(),
    conversation_id: p.input.conversationId,
    seq: sequenced[i].seq,
    client_message_id: p.input.clientMessageId,
    sender_type: p.author.type,
    sender_id: p.author.id,
    sender_name: p.author.name,
    type: p.input.type,
    content: p.input.content,
    // Stored by its plain address: links are signed (and expire) when messages are read.
    attachment: p.input.attachment
      ? { ...p.input.attachment, url: links.plainUrl(links.idOf(p.input.attachment.url) as string) }
      : null,
    reply_to_id: p.input.replyToId ?? null,
    reply_to: p.input.replyToId ? (replies.get(p.input.replyToId)?.quote ?? null) : null,
    // Agent and bot replies on WhatsApp wait for the channel until the provider has taken them.
    status: goesOut(p.author.type) && !p.input.private && channelOf(p) === 'whatsapp' ? 'pending' : 'sent',
    failure_reason: null,
    template: p.input.template ?? null,
    media: p.input.media ?? null,
    private: p.input.private,
    campaign_id: p.input.campaignId ?? null,
    edited_at: null,
    deleted_at: null,
    created_at: txNow,
    reactions: [],
  }));
  // A contact writing on WhatsApp opens (or extends) the 24-hour window.
  const inboundContacts = new Set(
    fresh.filter((p) => p.author.type === 'contact' && channelOf(p) === 'whatsapp').map((p) => p.author.id as string),
  );
  const lastOf = new Map<string, Pending>();
  for (const p of fresh) lastOf.set(p.input.conversationId, p);
  const previews = new Map(
    changes.map((c) => {
      const last = (lastOf.get(c.id) as Pending).input;
      return [c.id, previewOf(last.type, last.content, last.attachment?.name)];
    }),
  );
  return { messages, previews, inboundContacts };
}

/** The write statement's parameters for these rows, by name. */
export function writeParameters(
  rows: BatchRows,
  fresh: Pending[],
  changes: ConversationChange[],
  moves: CursorMove[],
  links: Pick<AttachmentLinks, 'idOf'>,
): unknown[][] {
  const m = rows.messages;
  const json = (v: unknown) => (v ? JSON.stringify(v) : null);
  const values: Record<WriteParameter, unknown[]> = {
    id: m.map((r) => r.id),
    conversation_id: m.map((r) => r.conversation_id),
    seq: m.map((r) => r.seq),
    client_message_id: m.map((r) => r.client_message_id),
    sender_type: m.map((r) => r.sender_type),
    sender_id: m.map((r) => r.sender_id),
    sender_name: m.map((r) => r.sender_name),
    type: m.map((r) => r.type),
    content: m.map((r) => r.content),
    attachment: m.map((r) => json(r.attachment)),
    reply_to_id: m.map((r) => r.reply_to_id),
    status: m.map((r) => r.status),
    template: m.map((r) => json(r.template)),
    media: m.map((r) => json(r.media)),
    private: m.map((r) => r.private),
    campaign_id: m.map((r) => r.campaign_id),
    provider_message_id: fresh.map((p) => p.input.providerMessageId ?? null),
    touched_id: changes.map((c) => c.id),
    touched_last_seq: changes.map((c) => c.lastSeq),
    touched_added: changes.map((c) => c.added),
    touched_preview: changes.map((c) => rows.previews.get(c.id)),
    touched_status: changes.map((c) => c.status),
    touched_reopened: changes.map((c) => c.reopened),
    touched_first_response: changes.map((c) => c.firstResponse),
    read_conversation_id: moves.map((r) => r.conversationId),
    read_participant_id: moves.map((r) => r.actor.sub),
    read_seq: moves.map((r) => r.seq),
    inbound_contact_id: [...rows.inboundContacts].sort(),
    referenced_attachment_id: m.flatMap((r) => (r.attachment ? [links.idOf(r.attachment.url) as string] : [])),
  };
  return writeValues(values);
}
