import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BotConversationState } from './bot-rules';

/** The bot's memory per conversation (`bot_conversations`): one row, written only when something happens. */
@Injectable()
export class BotConversationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async state(conversationId: string): Promise<BotConversationState> {
    const rows: { handed_off_at: Date | null; human_replied_at: Date | null; out_of_hours_period: string | null }[] =
      await this.db.query(
        `SELECT handed_off_at, human_replied_at, out_of_hours_period FROM bot_conversations WHERE conversation_id = $1`,
        [conversationId],
      );
    const r = rows[0];
    return {
      handedOff: !!r?.handed_off_at,
      humanReplied: !!r?.human_replied_at,
      outOfHoursPeriod: r?.out_of_hours_period ?? null,
    };
  }

  markHandedOff(conversationId: string): Promise<void> {
    return this.upsert(conversationId, 'handed_off_at', `COALESCE(bot_conversations.handed_off_at, now())`, 'now()');
  }

  markHumanReplied(conversationId: string): Promise<void> {
    return this.upsert(
      conversationId,
      'human_replied_at',
      `COALESCE(bot_conversations.human_replied_at, now())`,
      'now()',
    );
  }

  markOutOfHours(conversationId: string, period: string): Promise<void> {
    return this.upsert(conversationId, 'out_of_hours_period', '$2', '$2', [period]);
  }

  private async upsert(
    conversationId: string,
    column: string,
    onConflict: string,
    value: string,
    extra: unknown[] = [],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO bot_conversations (conversation_id, ${column}, updated_at) VALUES ($1, ${value}, now())
       ON CONFLICT (conversation_id) DO UPDATE SET ${column} = ${onConflict}, updated_at = now()`,
      [conversationId, ...extra],
    );
  }
}
