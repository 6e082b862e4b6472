import type { SenderType } from '@switchboard/contracts';
import type { StoredStatus } from '../mappers/conversation.mapper';

/** A conversation as a batch of sends finds it, locked. */
export interface ConversationState {
  id: string;
  lastSeq: number;
  status: StoredStatus;
  firstResponseAt: Date | null;
}

export interface SequencedSend {
  /** Index of the send in the batch. */
  index: number;
  conversationId: string;
  senderType: SenderType;
  /** A note for staff: never a first response. */
  private: boolean;
}

export interface Sequenced {
  index: number;
  seq: number;
  /** The first human agent message since the start or the last reopen. */
  firstResponse: boolean;
  /** A contact wrote in a closed conversation, which opens it again. */
  reopened: boolean;
  /** The contact's first message in a pending (widget) conversation: staff hear of it only now. */
  announced: boolean;
}

export interface ConversationChange {
  id: string;
  lastSeq: number;
  added: number;
  status: StoredStatus;
  reopened: boolean;
  announced: boolean;
  firstResponse: boolean;
}

/**
 * Gives each send of a batch its `seq`: per conversation, in batch order, continuing from the
 * stored `lastSeq` without gaps. Also works out what the batch does to each conversation.
 */
export function assignSequence(
  conversations: ReadonlyMap<string, ConversationState>,
  sends: readonly SequencedSend[],
): { sequenced: Sequenced[]; changes: ConversationChange[] } {
  const state = new Map<string, ConversationChange & { answered: boolean }>();
  const sequenced: Sequenced[] = [];
  for (const send of sends) {
    const c = conversations.get(send.conversationId);
    if (!c) throw new Error(`conversation ${send.conversationId} was not locked`);
    let s = state.get(c.id);
    if (!s) {
      s = {
        id: c.id,
        lastSeq: c.lastSeq,
        added: 0,
        status: c.status,
        reopened: false,
        announced: false,
        firstResponse: false,
        answered: c.firstResponseAt !== null,
      };
      state.set(c.id, s);
    }
    let reopened = false;
    if (send.senderType === 'contact' && s.status === 'closed') {
      // A reopen starts a new wait for a first response.
      s.status = 'open';
      s.reopened = true;
      s.answered = false;
      s.firstResponse = false;
      reopened = true;
    }
    let announced = false;
    if (send.senderType === 'contact' && s.status === 'pending') {
      s.status = 'open';
      s.announced = true;
      announced = true;
    }
    const firstResponse = send.senderType === 'agent' && !send.private && s.status === 'open' && !s.answered;
    if (firstResponse) {
      s.answered = true;
      s.firstResponse = true;
    }
    s.lastSeq += 1;
    s.added += 1;
    sequenced.push({ index: send.index, seq: s.lastSeq, firstResponse, reopened, announced });
  }
  return { sequenced, changes: [...state.values()].map(({ answered: _answered, ...change }) => change) };
}
