import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { UsersService } from '../users/users.service';
import { NotificationsService } from './notifications.service';
import '../chat/events/chat.events';

/**
 * Who hears about what (CONTRACT.md, /notifications): a new conversation → supervisors and
 * admins, and agents while it is unassigned; an assignment → the assignee. Campaigns and
 * channels add their rules when those domains land.
 */
@Injectable()
export class NotificationRulesListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.on('conversation.created', async ({ conversation }) => {
      const roles = conversation.assignee ? (['admin', 'supervisor'] as const) : (['admin', 'supervisor', 'agent'] as const);
      const recipients = await this.users.idsWithRoles([...roles]);
      await this.notifications.notify(`conversation.created:${conversation.id}`, recipients, {
        type: 'conversation.created',
        title: `New conversation with ${conversation.contact.name}`,
        body: conversation.subject ?? `A new ${conversation.channel} conversation is waiting`,
        url: `/inbox/${conversation.id}`,
        data: { conversationId: conversation.id, channel: conversation.channel },
      });
    });

    this.events.on('conversation.assigned', async ({ conversation, actorId }) => {
      const assignee = conversation.assignee;
      // Taking a conversation yourself needs no notification.
      if (!assignee || assignee.id === actorId) return;
      await this.notifications.notify(`conversation.assigned:${conversation.id}:${conversation.version}`, [assignee.id], {
        type: 'conversation.assigned',
        title: `${conversation.contact.name} was assigned to you`,
        body: conversation.lastMessagePreview ?? conversation.subject ?? 'Open it to reply',
        url: `/inbox/${conversation.id}`,
        data: { conversationId: conversation.id },
      });
    });
  }
}
