import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactConversation } from '@switchboard/contracts';
import { visibilityClause, type Actor } from '../chat/conversation-access';
import {
  conversationColumns,
  toConversationView,
  type ConversationRow,
  type ConversationView,
} from '../chat/mappers/conversation.mapper';

interface Row {
  id: string;
  status: ContactConversation['status'];
  channel: ContactConversation['channel'];
  subject: string | null;
  created_at: Date;
  last_message_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
}

/** A contact's conversations, as its detail lists them and as a change to the contact pushes them again. */
@Injectable()
export class ContactConversationsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Those the actor may see, the newest first. */
  async visibleTo(actor: Actor, contactId: string, limit: number): Promise<ContactConversation[]> {
    const rows: Row[] = await this.db.query(
      `SELECT c.id, c.status, c.channel, c.subject, c.created_at, c.last_message_at, c.assignee_id,
              (SELECT u.name FROM users u WHERE u.id = c.assignee_id) AS assignee_name
         FROM conversations c
        WHERE c.contact_id = $2 AND ${visibilityClause(actor, 1)}
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`,
      [actor.sub, contactId],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      channel: r.channel,
      subject: r.subject,
      createdAt: r.created_at.toISOString(),
      lastMessageAt: r.last_message_at?.toISOString() ?? null,
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    }));
  }

  /**
   * Inside the transaction that changed what the contact's conversations show: each moves its
   * `version`; returns them as they now are, for the pushes after COMMIT.
   */
  async bumpAll(tx: EntityManager, contactId: string): Promise<ConversationView[]> {
    await tx.query(`UPDATE conversations SET version = version + 1 WHERE contact_id = $1`, [contactId]);
    const rows: ConversationRow[] = await tx.query(
      `SELECT ${conversationColumns} FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.contact_id = $1`,
      [contactId],
    );
    return rows.map(toConversationView);
  }
}
