import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Conversation } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { returnedRows } from '../database/update-rows';
import { assertStaffForConversations, canSee, type Actor } from '../chat/conversation-access';
import { ConversationsService } from '../chat/services/conversations.service';
import '../chat/events/chat.events';

/** Which labels a conversation carries: set by anyone who may see it. */
@Injectable()
export class ConversationLabelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Replaces the conversation's labels. A change moves its `version` and pushes it to the staff
   * who see it (`conversation_updated`); the same set again changes nothing.
   */
  async set(actor: Actor, conversationId: string, labelIds: string[]): Promise<Conversation> {
    assertStaffForConversations(actor);
    const changed = await this.db.transaction(async (tx) => {
      const [row]: { assignee_id: string | null; contact_id: string }[] = await tx.query(
        `SELECT assignee_id, contact_id FROM conversations WHERE id = $1 FOR UPDATE`,
        [conversationId],
      );
      if (!row) throw new AppError('not_found', 'No such conversation');
      if (!canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id }))
        throw new AppError('forbidden', 'This conversation is not yours');
      // Key-share locked: a label cannot be deleted while it is being put on.
      const found: { id: string }[] = await tx.query(`SELECT id FROM labels WHERE id = ANY($1::uuid[]) FOR KEY SHARE`, [
        labelIds,
      ]);
      const known = new Set(found.map((l) => l.id));
      const unknown = labelIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id.toLowerCase()));
      if (unknown.length > 0) {
        throw new AppError(
          'validation_failed',
          'No such label',
          unknown.map(({ i }) => ({ path: `labelIds.${i}`, message: 'no such label' })),
        );
      }
      const removed = returnedRows(
        await tx.query(
          `DELETE FROM conversation_labels WHERE conversation_id = $1 AND label_id <> ALL($2::uuid[]) RETURNING label_id`,
          [conversationId, labelIds],
        ),
      );
      const added = returnedRows(
        await tx.query(
          `INSERT INTO conversation_labels (conversation_id, label_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING label_id`,
          [conversationId, labelIds],
        ),
      );
      if (removed.length === 0 && added.length === 0) return null;
      await tx.query(`UPDATE conversations SET version = version + 1 WHERE id = $1`, [conversationId]);
      return this.conversations.loadView(conversationId, tx);
    });
    if (changed) this.events.emit('conversation.changed', { conversation: changed, actorId: actor.sub });
    return this.conversations.get(actor, conversationId);
  }
}
