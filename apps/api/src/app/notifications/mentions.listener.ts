import { Injectable, type OnModuleInit } from '@nestjs/common';
import { mentionedIn } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { canSee } from '../chat/conversation-access';
import { previewOf } from '../chat/mappers/conversation.mapper';
import type { MessageCreatedEvent } from '../chat/events/chat.events';
import { UsersService } from '../users/users.service';
import { NotificationsService } from './notifications.service';
import '../chat/events/chat.events';

/**
 * A private note that mentions colleagues (`@` and their full name: `mentionedIn`, the contract's
 * rule) notifies each of them who may see the conversation, other than its author. Only notes:
 * a mention in a message to the customer would be read by the customer too. Only when written:
 * editing a note in a mention notifies nobody.
 */
@Injectable()
export class MentionsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.on('message.created', (e) => this.notify(e));
  }

  private async notify({ message, conversation }: MessageCreatedEvent): Promise<void> {
    // Most messages stop here, before any query: not a person's note, or no @ in it.
    if (!message.private || message.sender.type !== 'agent' || !message.content.includes('@')) return;
    const staff = await this.users.activeConversationStaff();
    const mentioned = new Set(mentionedIn(message.content, staff));
    const recipients = staff
      .filter((u) => mentioned.has(u.id) && u.id !== message.sender.id)
      .filter((u) =>
        canSee(
          { sub: u.id, role: u.role, name: u.name },
          { assigneeId: conversation.assignee?.id ?? null, contactId: conversation.contact.id },
        ),
      )
      .map((u) => u.id);
    await this.notifications.notify(`mention:${message.id}`, recipients, {
      type: 'mention',
      params: { senderName: message.sender.name, excerpt: previewOf('text', message.content) },
      url: `/inbox/${conversation.id}?seq=${message.seq}`,
      data: { conversationId: conversation.id, messageId: message.id, seq: message.seq },
    });
  }
}
