import type { EntityManager } from 'typeorm';
import type { SenderType } from '@switchboard/contracts';
import { visibilityClause, type Actor } from '../conversation-access';
import { returnedRows } from '../../database/update-rows';

export interface SequencedConversation {
  seq: number;
  /** No human agent had answered since the start or the last reopen, and this is one. */
  firstResponse: boolean;
  reopened: boolean;
}

/**
 * Takes the next `seq` of a conversation inside the message's transaction. The row lock this
 * UPDATE takes orders concurrent sends; a rollback gives the number back, so `seq` stays
 * gap-free. The actor's visibility is part of the WHERE, so the permission check costs no
 * extra query. Returns null when the conversation is missing or not the actor's.
 */
export async function nextSeq(
  tx: EntityManager,
  actor: Actor,
  conversationId: string,
  senderType: SenderType,
  preview: string,
): Promise<SequencedConversation | null> {
  const agent = senderType === 'agent';
  const contact = senderType === 'contact';
  const rows = returnedRows<{ seq: number; first_response: boolean; reopened: boolean }>(await tx.query(
    `WITH prev AS (SELECT id, status, first_response_at FROM conversations WHERE id = $1 FOR UPDATE)
     UPDATE conversations c SET
        last_seq = c.last_seq + 1,
        version = c.version + 1,
        last_message_at = now(),
        last_activity_at = now(),
        last_message_preview = $3,
        first_response_at = CASE
          WHEN $4 AND c.first_response_at IS NULL AND c.status = 'open' THEN now()
          WHEN $5 AND c.status = 'closed' THEN NULL
          ELSE c.first_response_at END,
        status = CASE WHEN $5 THEN 'open' ELSE c.status END,
        reopened_at = CASE WHEN $5 AND c.status = 'closed' THEN now() ELSE c.reopened_at END
       FROM prev
      WHERE c.id = prev.id AND ${visibilityClause(actor, 2)}
      RETURNING c.last_seq AS seq,
                ($4 AND prev.first_response_at IS NULL AND prev.status = 'open') AS first_response,
                ($5 AND prev.status = 'closed') AS reopened`,
    [conversationId, actor.sub, preview, agent, contact],
  ));
  const row = rows[0];
  return row ? { seq: row.seq, firstResponse: row.first_response, reopened: row.reopened } : null;
}
