import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Conversation } from '@switchboard/contracts';
import { roleGroups } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { UsersService } from '../users/users.service';
import { NotificationsService } from './notifications.service';
import '../chat/events/chat.events';
import '../bulk/events/bulk.events';
import '../channels/events/channels.events';

/** How a channel reads in a sentence (the ids are lowercase codes). */
const CHANNEL_NAMES: Record<Conversation['channel'], string> = {
  whatsapp: 'WhatsApp',
  web: 'web chat',
  internal: 'internal',
};

/**
 * Who hears about what (docs/protocol.md, /notifications): a new conversation → supervisors and
 * admins, and agents while it is unassigned; an assignment → the assignee; a finished or
 * failed campaign → its creator; a channel going down → admins.
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
      const roles = conversation.assignee ? roleGroups.managers : roleGroups.inbox;
      const recipients = await this.users.idsWithRoles([...roles]);
      await this.notifications.notify(`conversation.created:${conversation.id}`, recipients, {
        type: 'conversation.created',
        title: `New conversation with ${conversation.contact.name}`,
        body: conversation.subject ?? `A new ${CHANNEL_NAMES[conversation.channel]} conversation is waiting`,
        url: `/inbox/${conversation.id}`,
        data: { conversationId: conversation.id, channel: conversation.channel },
      });
    });

    this.events.on('conversation.assigned', async ({ conversation, actorId }) => {
      const assignee = conversation.assignee;
      // Taking a conversation yourself needs no notification.
      if (!assignee || assignee.id === actorId) return;
      await this.notifications.notify(
        `conversation.assigned:${conversation.id}:${conversation.version}`,
        [assignee.id],
        {
          type: 'conversation.assigned',
          title: `${conversation.contact.name} was assigned to you`,
          body: conversation.lastMessagePreview ?? conversation.subject ?? 'Open it to reply',
          url: `/inbox/${conversation.id}`,
          data: { conversationId: conversation.id },
        },
      );
    });

    this.events.on('campaign.finished', async (e) => {
      const failed = e.status === 'failed';
      await this.notifications.notify(`campaign.finished:${e.campaignId}`, [e.createdBy], {
        type: failed ? 'campaign.failed' : 'campaign.finished',
        title: failed ? `Campaign "${e.name}" failed` : `Campaign "${e.name}" finished`,
        body: failed ? (e.error ?? `${e.sent} sent, ${e.failed} failed`) : `${e.sent} sent, ${e.failed} failed`,
        url: `/campaigns/${e.campaignId}`,
        data: { campaignId: e.campaignId, sent: e.sent, failed: e.failed },
      });
    });

    this.events.on('channel.state_changed', async (e) => {
      if (e.state !== 'down' || e.previous === 'down') return;
      await this.notifications.notify(
        `channel.down:${e.channel}:${e.changeId}`,
        await this.users.idsWithRoles([...roleGroups.admins]),
        {
          type: 'channel.down',
          title: 'WhatsApp is down',
          body: e.reason ?? 'Messages cannot be sent or received on WhatsApp right now',
          url: '/settings',
          data: { channel: e.channel, state: e.state },
        },
      );
    });
  }
}
