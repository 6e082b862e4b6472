import type { Message, MessageStatus } from '@switchboard/contracts/types';

// `pending` and `failed` are WhatsApp delivery states of one message (message_status_updated with
// userId null); they never spread to other messages through a read receipt's upToSeq.
const STATUS_RANK: Record<MessageStatus, number> = { pending: -1, failed: -1, sent: 0, delivered: 1, read: 2 };

/** The further of two read-receipt statuses: a status never goes back. */
export function laterStatus(a: MessageStatus, b: MessageStatus): MessageStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

const DELIVERY_RANK: Record<Exclude<MessageStatus, 'failed'>, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status one message moves to when `incoming` is reported for it (the server's rule, so
 * repeated and out-of-order reports are harmless): forward only; `failed` only before it was
 * delivered; a failed message goes back to `pending` only when retried; a later confirmation
 * wins over a failure.
 */
export function nextDeliveryStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  if (incoming === current) return current;
  if (incoming === 'failed') return current === 'pending' || current === 'sent' ? 'failed' : current;
  if (incoming === 'pending') return current === 'failed' ? 'pending' : current;
  if (current === 'failed') return incoming;
  return DELIVERY_RANK[incoming] > DELIVERY_RANK[current] ? incoming : current;
}

/** `known` with the status (and failure reason) `incoming` moves it to. */
function withDelivery(known: Message, status: MessageStatus, failureReason: string | null | undefined): Message {
  const next = nextDeliveryStatus(known.status, status);
  if (next === known.status) return known;
  return { ...known, status: next, failureReason: next === 'failed' ? (failureReason ?? null) : null };
}

/**
 * Adds or replaces messages, keyed by id and ordered by seq, so a message is never shown twice
 * however often it arrives (ack, echo, catch-up, poll). A known message keeps the further status.
 */
export function mergeMessages(list: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return list as Message[];
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(message.id, known ? mergeOne(known, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The newer copy of a message, with the status that is further along. */
export function mergeOne(known: Message, incoming: Message): Message {
  const status = nextDeliveryStatus(known.status, incoming.status);
  if (status === incoming.status) return incoming;
  return { ...incoming, status, failureReason: known.failureReason ?? null };
}

/** Replaces a message already shown (an edit, a deletion, reactions); unknown ids change nothing. */
export function updateMessage(list: readonly Message[], id: string, change: (m: Message) => Message): Message[] {
  const index = list.findIndex((m) => m.id === id);
  if (index < 0) return list as Message[];
  const next = [...list];
  next[index] = change(list[index]);
  return next;
}

/** A channel's delivery status of one message (WhatsApp): applied to that message only. */
export function applyDeliveryStatus(
  list: readonly Message[],
  messageId: string,
  status: MessageStatus,
  failureReason?: string | null,
): Message[] {
  const known = list.find((m) => m.id === messageId);
  if (!known || withDelivery(known, status, failureReason) === known) return list as Message[];
  return updateMessage(list, messageId, (m) => withDelivery(m, status, failureReason));
}

/** Raises the status of the messages matching `mine` up to `upToSeq` (a read receipt). */
export function applyStatusUpTo(
  list: readonly Message[],
  upToSeq: number,
  status: MessageStatus,
  mine: (m: Message) => boolean,
): Message[] {
  let changed = false;
  const next = list.map((m) => {
    if (m.seq > upToSeq || !mine(m) || laterStatus(m.status, status) === m.status) return m;
    changed = true;
    return { ...m, status };
  });
  return changed ? next : (list as Message[]);
}
