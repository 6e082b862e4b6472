import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events';
import { isStaff, type Actor } from '../conversation-access';
import { ConversationsService } from './conversations.service';
import type { ReadCursor } from '../events/chat.events';

/** Read cursors per participant; reading marks the other side's messages `read`. */
@Injectable()
export class ReadReceiptsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: DomainEvents,
  ) {}

  async markRead(
    actor: Actor,
    conversationId: string,
    upToSeq: number,
  ): Promise<{ conversationId: string; upToSeq: number }> {
    await this.conversations.get(actor, conversationId);
    const outcome = await this.db.transaction(async (tx) => {
      const [{ last_seq }]: { last_seq: number }[] = await tx.query(
        `SELECT last_seq FROM conversations WHERE id = $1`,
        [conversationId],
      );
      const target = Math.min(upToSeq, last_seq);
      const [cursor]: { last_read_seq: number; previous: number | null }[] = await tx.query(
        `WITH old AS (SELECT last_read_seq FROM conversation_reads WHERE conversation_id = $1 AND participant_id = $2)
         INSERT INTO conversation_reads (conversation_id, participant_id, last_read_seq) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id, participant_id) DO UPDATE
           SET last_read_seq = GREATEST(conversation_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
         RETURNING last_read_seq, (SELECT last_read_seq FROM old) AS previous`,
        [conversationId, actor.sub, target],
      );
      if (cursor.previous !== null && cursor.previous >= cursor.last_read_seq)
        return { upToSeq: cursor.last_read_seq, changed: false };
      return {
        upToSeq: cursor.last_read_seq,
        changed: true,
        messageId: await this.markOtherSideRead(tx, actor, conversationId, cursor.last_read_seq),
      };
    });
    if (outcome.changed)
      await this.announce(actor, conversationId, outcome.upToSeq, outcome.upToSeq, outcome.messageId ?? null);
    return { conversationId, upToSeq: outcome.upToSeq };
  }

  /**
   * The actor's own message already moved their cursor (MessageWriter) past the other side's
   * messages up to `upToSeq`, which they had not marked read: those become read as mark_read up
   * to there would have made them.
   */
  async readByReply(actor: Actor, conversationId: string, upToSeq: number): Promise<void> {
    const messageId = await this.markOtherSideRead(this.db, actor, conversationId, upToSeq);
    const [{ last_read_seq }]: { last_read_seq: number }[] = await this.db.query(
      `SELECT last_read_seq FROM conversation_reads WHERE conversation_id = $1 AND participant_id = $2`,
      [conversationId, actor.sub],
    );
    await this.announce(actor, conversationId, upToSeq, last_read_seq, messageId);
  }

  /** Marks the other side's messages up to `upToSeq` read; the newest message there, for the tick. */
  private async markOtherSideRead(
    db: EntityManager | DataSource,
    actor: Actor,
    conversationId: string,
    upToSeq: number,
  ): Promise<string | null> {
    const otherSide = isStaff(actor.role) ? `m.sender_type = 'contact'` : `m.sender_type IN ('agent', 'bot', 'system')`;
    await db.query(
      `UPDATE messages m SET status = 'read' WHERE m.conversation_id = $1 AND m.seq <= $2 AND m.status <> 'read' AND ${otherSide}`,
      [conversationId, upToSeq],
    );
    const last: { id: string }[] = await db.query(
      `SELECT id FROM messages WHERE conversation_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1`,
      [conversationId, upToSeq],
    );
    return last[0]?.id ?? null;
  }

  private async announce(
    actor: Actor,
    conversationId: string,
    upToSeq: number,
    readSeq: number,
    messageId: string | null,
  ): Promise<void> {
    this.events.emit('messages.read', {
      conversation: await this.conversations.loadView(conversationId),
      participantId: actor.sub,
      participantRole: actor.role,
      upToSeq,
      readSeq,
      messageId,
    });
  }

  /** Every participant's cursor with their staff role (null for the contact). */
  cursors(conversationId: string): Promise<ReadCursor[]> {
    return this.db.query(
      `SELECT r.participant_id, r.last_read_seq, u.role FROM conversation_reads r LEFT JOIN users u ON u.id = r.participant_id
        WHERE r.conversation_id = $1`,
      [conversationId],
    );
  }
}
