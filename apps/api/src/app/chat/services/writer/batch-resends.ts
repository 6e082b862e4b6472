import type { Message } from '@switchboard/contracts';
import type { Pending } from './writer.types';

export interface SortedSends {
  /** What the batch writes, in arrival order. */
  fresh: Pending[];
  /** Stored earlier: answered with the stored message, nothing written. */
  resends: [Pending, Message][];
  /** The same clientMessageId twice in this batch: the second gets the first's message. */
  echoes: [Pending, Pending][];
}

/** The dedupe step: which accepted sends are new, and which repeat one stored or in this batch. */
export function sortOutResends(
  accepted: Pending[],
  stored: ReadonlyMap<string, Message>,
  storedByProvider: ReadonlyMap<string, Message>,
): SortedSends {
  const fresh: Pending[] = [];
  const resends: [Pending, Message][] = [];
  const echoes: [Pending, Pending][] = [];
  const firstInBatch = new Map<string, Pending>();
  for (const p of accepted) {
    const key = resendKey(p.input.conversationId, p.input.clientMessageId);
    const existing =
      stored.get(key) ?? (p.input.providerMessageId ? storedByProvider.get(p.input.providerMessageId) : undefined);
    const first = firstInBatch.get(key);
    if (existing) resends.push([p, existing]);
    else if (first) echoes.push([p, first]);
    else {
      firstInBatch.set(key, p);
      fresh.push(p);
    }
  }
  return { fresh, resends, echoes };
}

export const resendKey = (conversationId: string, clientMessageId: string | null) =>
  `${conversationId}|${clientMessageId}`;
