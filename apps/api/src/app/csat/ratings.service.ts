import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConversationRating, RateConversation } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../chat/conversation-access';
import { ConversationsService } from '../chat/services/conversations.service';
import './events/csat.events';

/** Customers rate their closed conversations: once each, kept with the agent it was assigned to. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: DomainEvents,
    private readonly config: AppConfig,
  ) {}

  async rate(actor: Actor, conversationId: string, input: RateConversation): Promise<ConversationRating> {
    const max = this.config.env.RATING_COMMENT_MAX_LENGTH;
    const comment = input.comment ? input.comment : null;
    if (comment && comment.length > max)
      throw new AppError('validation_failed', 'The comment is too long', [
        { path: 'comment', message: `at most ${max} characters` },
      ]);
    // Not found, or another customer's (forbidden), as for reading it.
    const conversation = await this.conversations.get(actor, conversationId);
    if (conversation.status !== 'closed')
      throw new AppError('conflict', 'A conversation can be rated once it is closed');
    const rows: { created_at: Date }[] = await this.db.query(
      `INSERT INTO conversation_ratings (conversation_id, contact_id, agent_id, score, comment)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (conversation_id) DO NOTHING RETURNING created_at`,
      [conversationId, actor.sub, conversation.assignee?.id ?? null, input.score, comment],
    );
    if (!rows[0]) throw new AppError('conflict', 'This conversation was rated already');
    this.events.emit('rating.created', {
      conversationId,
      score: input.score,
      agentId: conversation.assignee?.id ?? null,
    });
    return { conversationId, score: input.score, comment, createdAt: rows[0].created_at.toISOString() };
  }
}
