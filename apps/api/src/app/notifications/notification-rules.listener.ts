import { Injectable, type OnModuleInit } from '@nestjs/common';
import { roleGroups } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { UsersService } from '../users/users.service';
import { NotificationsService } from './notifications.service';
import '../chat/events/chat.events';
import type { CampaignFinishedEvent } from '../bulk/events/bulk.events';
import type { ChannelStateChangedEvent } from '../channels/events/channels.events';

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
        params: {
          contactName: conversation.contact.name,
          channel: conversation.channel,
          subject: conversation.subject ?? null,
        },
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
          params: {
            contactName: conversation.contact.name,
            preview: conversation.lastMessagePreview ?? conversation.subject ?? null,
          },
          url: `/inbox/${conversation.id}`,
          data: { conversationId: conversation.id },
        },
      );
    });

    this.events.on('campaign.finished', (e) => this.campaignFinished(e));
    this.events.on('channel.state_changed', (e) => this.channelChanged(e));
  }

  private async campaignFinished(e: CampaignFinishedEvent): Promise<void> {
    const counts = { campaignName: e.name, sent: e.sent, failed: e.failed };
    const common = {
      url: `/campaigns/${e.campaignId}`,
      data: { campaignId: e.campaignId, sent: e.sent, failed: e.failed },
    };
    await this.notifications.notify(
      `campaign.finished:${e.campaignId}`,
      [e.createdBy],
      e.status === 'failed'
        ? { type: 'campaign.failed', params: { ...counts, error: e.error ?? null }, ...common }
        : { type: 'campaign.finished', params: counts, ...common },
    );
  }

  private async channelChanged(e: ChannelStateChangedEvent): Promise<void> {
    if (e.state !== 'down' || e.previous === 'down') return;
    await this.notifications.notify(
      `channel.down:${e.channel}:${e.changeId}`,
      await this.users.idsWithRoles([...roleGroups.admins]),
      {
        type: 'channel.down',
        params: { channel: e.channel, reason: e.reason ?? null },
        url: '/settings',
        data: { channel: e.channel, state: e.state },
      },
    );
  }
}
