import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import type { Socket } from 'socket.io';
import type { Conversation, Message } from '@switchboard/contracts';
import { pgPoolOf } from '../../database/pg-pool';
import { chatRooms } from '../chat-rooms';
import type { Actor } from '../conversation-access';
import type { ConversationRow } from '../mappers/conversation.mapper';
import type { MessageRow } from '../mappers/message.mapper';
import { selectedRows, sqlLiteral } from '../../database/plain-queries';
import { ConversationsService, readerRowSql } from './conversations.service';
import { MessagesService } from './messages.service';

/**
 * join_conversation in two round trips: BEGIN travels with the conversation's row, read with a
 * share lock and checked for access; the socket joins the room; the history travels with COMMIT.
 *
 * The share lock is what keeps the room in step with access: a change of access holds the row's
 * update lock and, before it commits, takes out of the room whoever may no longer see it
 * (ConversationRoomsService), so a join either is in the room when that looks or reads the new
 * access. Message batches lock the row for update too, so nothing is written to the conversation
 * between the two reads: the conversation and its history agree, and every message after them
 * reaches the socket in the room. A join used to cost five round trips, and a team reconnecting
 * at once (every agent's tabs after a deploy) waited on all of them.
 */
@Injectable()
export class ConversationJoinService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  async join(
    socket: Socket,
    actor: Actor,
    conversationId: string,
    afterSeq?: number,
  ): Promise<{ conversation: Conversation; messages: Message[] }> {
    const room = chatRooms.conversation(conversationId);
    const history = this.messages.joinHistory(actor, conversationId, afterSeq);
    const { row, messageRows } = await this.inTransaction(async (client) => {
      const [locked] = selectedRows<ConversationRow>(
        await client.query(`BEGIN; ${readerRowSql(sqlLiteral(conversationId), sqlLiteral(actor.sub))} FOR SHARE OF c`),
      );
      this.conversations.assertVisible(actor, locked);
      await socket.join(room);
      try {
        return { row: locked, messageRows: selectedRows<MessageRow>(await client.query(`${history.sql}; COMMIT`)) };
      } catch (err) {
        await socket.leave(room);
        throw err;
      }
    });
    // After the connection is back in the pool: a contact's copy may read once more.
    return { conversation: await this.conversations.copyFor(actor, row), messages: history.messages(messageRows) };
  }

  /** `work` begins the transaction and ends it with COMMIT; if it throws, the transaction is rolled back. */
  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pgPoolOf(this.db).connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (err) {
      // Also after a failed COMMIT or BEGIN: ROLLBACK outside a transaction only warns.
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  }
}
