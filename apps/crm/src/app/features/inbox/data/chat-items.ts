import type { Message } from '@switchboard/contracts/types';
import type { ApiError } from '../../../core/http/api-error';
import type { DeliveryStatus } from '../../../common/ui/chat/chat-ui.types';
import type { Participant } from './conversation-backend';
import type { OutboxEntry } from './unsent-messages';

/** One row of the message list: a stored message, or one of ours still on its way. */
export interface ChatItem {
  /** The message id, or `pending:<clientMessageId>` until the server has it. */
  key: string;
  message: Message;
  mine: boolean;
  status: DeliveryStatus;
  /** Ours, not stored yet (waiting for the ack, or the ack failed): Retry re-sends it over the socket. */
  unsent: boolean;
  /** Why it failed: the channel's reason for a stored message, the server's refusal for an unsent one. */
  failureReason: string | null;
  /** The server refused it as free text outside WhatsApp's 24-hour window. */
  refusedByWindow: boolean;
  /** A failed channel message is being sent again (POST /api/messages/:id/retry). */
  retrying: boolean;
  /** Why the last retry of a failed channel message did not go through. */
  retryError: ApiError | null;
}

/** What the message list is made of. */
export interface ChatItemSources {
  viewer: Participant | null;
  messages: readonly Message[];
  outbox: readonly OutboxEntry[];
  retrying: ReadonlySet<string>;
  retryErrors: Readonly<Record<string, ApiError>>;
}

/** The stored messages in seq order, then our sends not stored yet (one the server has is shown once, stored). */
export function chatItems({ viewer, messages, outbox, retrying, retryErrors }: ChatItemSources): ChatItem[] {
  const rows: ChatItem[] = messages.map((message) => ({
    key: message.id,
    message,
    mine: isMine(message, viewer),
    status: message.status,
    unsent: false,
    failureReason: message.status === 'failed' ? (message.failureReason ?? null) : null,
    refusedByWindow: false,
    retrying: retrying.has(message.id),
    retryError: retryErrors[message.id] ?? null,
  }));
  const stored = new Set(messages.map((m) => m.clientMessageId).filter((id) => id !== null));
  for (const entry of outbox) {
    if (stored.has(entry.payload.clientMessageId)) continue;
    rows.push({
      key: `pending:${entry.payload.clientMessageId}`,
      message: standIn(entry, viewer),
      mine: true,
      status: entry.status,
      unsent: true,
      failureReason: null,
      refusedByWindow: entry.refusedByWindow,
      retrying: false,
      retryError: null,
    });
  }
  return rows;
}

/** The viewer sent it: same id and same side (a contact and a staff member may share an id). */
export function isMine(message: Message, viewer: Participant | null): boolean {
  if (!viewer || message.sender.id !== viewer.id) return false;
  return (message.sender.type === 'contact') === (viewer.type === 'contact');
}

/** What an unsent entry looks like in the list until the server's copy replaces it. */
function standIn(entry: OutboxEntry, viewer: Participant | null): Message {
  const p = entry.payload;
  return {
    id: `pending:${p.clientMessageId}`,
    conversationId: p.conversationId,
    seq: 0,
    clientMessageId: p.clientMessageId,
    sender: { type: viewer?.type ?? 'agent', id: viewer?.id ?? null, name: viewer?.name ?? '' },
    type: p.type ?? 'text',
    content: p.content ?? '',
    attachment: p.attachment ?? null,
    replyToId: p.replyToId ?? null,
    // The thread quotes the loaded original until the server's copy brings its own quote.
    replyTo: null,
    reactions: [],
    status: 'sent',
    template: p.template
      ? { name: p.template.name, language: p.template.language, variables: p.template.variables ?? [] }
      : null,
    editedAt: null,
    deletedAt: null,
    createdAt: entry.createdAt,
    private: p.private ?? false,
  };
}
