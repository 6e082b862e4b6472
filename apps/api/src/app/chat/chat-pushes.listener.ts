import { Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatClientEvents, ChatServerEvents } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { ClusterBus } from '../common/redis/cluster-bus';
import { AppConfig } from '../config/app-config';
import { chatRooms } from './chat-rooms';
import { withUnread, type ConversationView } from './mappers/conversation.mapper';
import type { ReadCursor } from './events/chat.events';
import { inboxAudiences } from './inbox-audiences';
import { MessagePushes } from './message-pushes';
import { PresencePushes } from './presence-pushes';
import { ReadReceiptsService } from './services/read-receipts.service';
import { TypingService } from './services/typing.service';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;
type ConversationPush =
  'conversation_created' | 'conversation_updated' | 'conversation_assigned' | 'conversation_closed';

/**
 * Turns chat's domain events into /chat pushes. Each payload is emitted once per audience
 * (inboxAudiences: inbox rows differ only by the viewer's unread count).
 */
@Injectable()
export class ChatPushesListener implements OnModuleInit, OnModuleDestroy {
  private ns: ChatNamespace | null = null;
  private readonly presence: PresencePushes;
  private readonly messages: MessagePushes;

  constructor(
    private readonly events: DomainEvents,
    private readonly reads: ReadReceiptsService,
    private readonly typing: TypingService,
    config: AppConfig,
    @Optional() bus?: ClusterBus,
  ) {
    this.messages = new MessagePushes(() => this.ns, bus);
    this.presence = new PresencePushes(config.env.PRESENCE_PUSH_WINDOW_MS, (changes) => {
      const staff = this.ns?.to(chatRooms.staff);
      for (const change of changes) staff?.emit('presence_changed', change);
    });
  }

  attach(ns: ChatNamespace): void {
    this.ns = ns;
  }

  onModuleInit(): void {
    this.pushConversationChanges();
    this.pushMessageChanges();
    this.pushReceiptsAndPresence();
  }

  onModuleDestroy(): void {
    this.presence.flush();
  }

  /** Inbox rows: to the staff who may see the conversation (and, on reassignment, who saw it). */
  private pushConversationChanges(): void {
    this.events.on('conversation.created', ({ conversation, readCursors }) =>
      this.pushConversation('conversation_created', conversation, { cursors: readCursors }),
    );
    // Who may no longer see it has left its room already, before the assignment committed (ConversationRoomsService).
    this.events.on('conversation.assigned', ({ conversation, previousAssigneeId }) => {
      // Those who saw it before the change hear about it too, so their lists can drop it.
      return this.pushConversation('conversation_assigned', conversation, {
        extra: { previousAssigneeId },
        before: { assigneeId: previousAssigneeId },
      });
    });
    this.events.on('conversation.closed', ({ conversation }) => {
      this.pushStatusToContact(conversation);
      return this.pushConversation('conversation_closed', conversation);
    });
    this.events.on('conversation.reopened', ({ conversation, readCursors }) => {
      this.pushStatusToContact(conversation);
      return this.pushConversation('conversation_updated', conversation, { cursors: readCursors });
    });
    this.events.on('conversation.changed', ({ conversation }) =>
      this.pushConversation('conversation_updated', conversation),
    );
  }

  /** A conversation's messages, to its room; the inbox rows they change, to the staff outside it. */
  private pushMessageChanges(): void {
    this.events.on('message.created', ({ message, conversation, readCursors, announced, reopened }) => {
      this.typing.stopped(message.conversationId, message.sender.id ?? '', message.sender.name);
      this.messages.deliver({ message, conversation, readCursors, rowPushed: announced || reopened });
    });
    // An edit or delete of the latest message changes the inbox preview too.
    this.events.on('message.updated', ({ message, conversation }) => {
      this.toRoom(message.conversationId, message.private)?.emit('message_updated', { message });
      if (conversation) return this.pushConversation('conversation_updated', conversation);
    });
    this.events.on('message.deleted', ({ conversationId, messageId, private: isPrivate, conversation }) => {
      this.toRoom(conversationId, isPrivate)?.emit('message_deleted', { conversationId, messageId });
      if (conversation) return this.pushConversation('conversation_updated', conversation);
    });
    this.events.on('reactions.changed', ({ conversationId, messageId, reactions, private: isPrivate }) =>
      this.toRoom(conversationId, isPrivate)?.emit('reaction_updated', { conversationId, messageId, reactions }),
    );
  }

  /** Receipts, presence and typing change how a message or a person shows, not which rows a list holds. */
  private pushReceiptsAndPresence(): void {
    this.events.on('messages.read', async ({ conversation, participantId, upToSeq, readSeq, messageId }) => {
      this.ns?.to(chatRooms.conversation(conversation.id)).emit('message_status_updated', {
        conversationId: conversation.id,
        messageId,
        upToSeq,
        status: 'read',
        userId: participantId,
      });
      // The reader's own inbox rows (every tab) now show fewer unread.
      this.ns?.to(chatRooms.user(participantId)).emit('conversation_updated', {
        conversation: withUnread(conversation, readSeq),
      });
    });
    // A channel receipt for one message: `userId` null, `upToSeq` its seq.
    this.events.on('message.status_changed', (e) =>
      this.ns?.to(chatRooms.conversation(e.conversationId)).emit('message_status_updated', {
        conversationId: e.conversationId,
        messageId: e.messageId,
        upToSeq: e.seq,
        status: e.status,
        userId: null,
        failureReason: e.failureReason,
      }),
    );
    this.events.on('presence.changed', (e) => this.presence.add(e));
    this.typing.onChange((c) => this.ns?.to(chatRooms.conversation(c.conversationId)).emit('typing_status', c));
  }

  /** Every socket of the conversation's contact, joined or not: the widget shows the status live. */
  private pushStatusToContact(view: ConversationView): void {
    this.ns
      ?.to(chatRooms.user(view.contact.id))
      .emit('conversation_status', { conversationId: view.id, status: view.status });
  }

  /** The conversation's room; for a staff note, without its contact's sockets. */
  private toRoom(conversationId: string, isPrivate: boolean) {
    const room = this.ns?.to(chatRooms.conversation(conversationId));
    return isPrivate ? room?.except(chatRooms.contacts) : room;
  }

  /**
   * `extra`: fields the payload carries besides the row. `before`: who could see it before the
   * change. `cursors`: the read cursors as the change left them, when its writer read them (a
   * message's batch does), so they are not looked up again.
   */
  private async pushConversation(
    event: ConversationPush,
    view: ConversationView,
    {
      extra = {},
      before,
      cursors,
    }: { extra?: object; before?: { assigneeId: string | null }; cursors?: ReadCursor[] } = {},
  ): Promise<void> {
    const known = cursors ?? (view.lastSeq > 0 ? await this.reads.cursors(view.id) : []);
    this.pushConversationTo(event, view, extra, known, before);
  }

  private pushConversationTo(
    event: ConversationPush,
    view: ConversationView,
    extra: object,
    cursors: ReadCursor[],
    before?: { assigneeId: string | null },
  ): void {
    const ns = this.ns;
    if (!ns) return;
    for (const { rooms, except, readSeq } of inboxAudiences(view, cursors, before)) {
      const target = except.length ? ns.to(rooms).except(except) : ns.to(rooms);
      (target.emit as (e: string, p: unknown) => boolean)(event, { conversation: withUnread(view, readSeq), ...extra });
    }
  }
}
