import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Reaction } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import type { Actor } from '../conversation-access';
import { returnedRows } from '../../database/update-rows';
import { MessagesService } from './messages.service';
import '../events/chat.events';

/** Emoji reactions: one per (message, participant, emoji); sending it again takes it back. */
@Injectable()
export class ReactionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesService,
    private readonly events: DomainEvents,
  ) {}

  async toggle(actor: Actor, messageId: string, emoji: string): Promise<{ messageId: string; reactions: Reaction[] }> {
    const { conversationId, private: isPrivate } = await this.messages.assertVisible(actor, messageId);
    const reactions = await this.db.transaction(async (tx) => {
      const [msg]: { deleted_at: Date | null }[] = await tx.query(
        `SELECT deleted_at FROM messages WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      if (msg?.deleted_at) throw new AppError('conflict', 'A deleted message cannot get reactions');
      const removed = returnedRows(
        await tx.query(
          `DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3 RETURNING 1`,
          [messageId, actor.sub, emoji],
        ),
      );
      if (removed.length === 0) {
        await tx.query(`INSERT INTO message_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3)`, [
          messageId,
          actor.sub,
          emoji,
        ]);
      }
      return this.current(tx, messageId);
    });
    this.events.emit('reactions.changed', { conversationId, messageId, reactions, private: isPrivate });
    return { messageId, reactions };
  }

  /**
   * A channel's reaction (WhatsApp): the participant's one reaction on the message becomes
   * `emoji` (null or '' removes it). Applying the same reaction twice changes nothing.
   */
  async set(
    actor: Actor,
    messageId: string,
    emoji: string | null,
  ): Promise<{ messageId: string; reactions: Reaction[] }> {
    const { conversationId, private: isPrivate } = await this.messages.assertVisible(actor, messageId);
    const outcome = await this.db.transaction(async (tx) => {
      const [msg]: { deleted_at: Date | null }[] = await tx.query(
        `SELECT deleted_at FROM messages WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      if (msg?.deleted_at) return { changed: false, reactions: [] };
      const mine: { emoji: string }[] = await tx.query(
        `SELECT emoji FROM message_reactions WHERE message_id = $1 AND user_id = $2`,
        [messageId, actor.sub],
      );
      const wanted = emoji || null;
      const changed = wanted ? !(mine.length === 1 && mine[0].emoji === wanted) : mine.length > 0;
      if (changed) {
        await tx.query(`DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2`, [messageId, actor.sub]);
        if (wanted)
          await tx.query(`INSERT INTO message_reactions (message_id, user_id, emoji) VALUES ($1, $2, $3)`, [
            messageId,
            actor.sub,
            wanted,
          ]);
      }
      return { changed, reactions: await this.current(tx, messageId) };
    });
    if (outcome.changed)
      this.events.emit('reactions.changed', {
        conversationId,
        messageId,
        reactions: outcome.reactions,
        private: isPrivate,
      });
    return { messageId, reactions: outcome.reactions };
  }

  private async current(tx: EntityManager, messageId: string): Promise<Reaction[]> {
    const rows: { emoji: string; user_ids: string[] }[] = await tx.query(
      `SELECT emoji, json_agg(user_id ORDER BY created_at) AS user_ids FROM message_reactions WHERE message_id = $1
        GROUP BY emoji ORDER BY min(created_at)`,
      [messageId],
    );
    return rows.map((r) => ({ emoji: r.emoji, userIds: r.user_ids }));
  }
}
