import type { Message, MessageStatus } from '@switchboard/contracts';

// `pending` and `failed` are WhatsApp delivery states of one message (message_status_updated with
// userId null); they never spread to other messages through a read receipt's upToSeq.
const STATUS_RANK: Record<MessageStatus, number> = { pending: -1, failed: -1, sent: 0, delivered: 1, read: 2 };

/** The further of two delivery statuses: a status never goes back. */
export function laterStatus(a: MessageStatus, b: MessageStatus): MessageStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
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
    byId.set(message.id, known ? { ...message, status: laterStatus(known.status, message.status) } : message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Replaces a message already shown (an edit, a deletion, reactions); unknown ids change nothing. */
export function updateMessage(list: readonly Message[], id: string, change: (m: Message) => Message): Message[] {
  const index = list.findIndex((m) => m.id === id);
  if (index < 0) return list as Message[];
  const next = [...list];
  next[index] = change(list[index]);
  return next;
}

/** Raises the status of the messages matching `mine` up to `upToSeq`. */
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
