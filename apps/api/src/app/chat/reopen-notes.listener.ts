import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { MessagesService } from './services/messages.service';
import { SYSTEM_SENDER } from './system-sender';
import './events/chat.events';

/**
 * A customer writing in a closed conversation reopens it: staff find a private note saying so in
 * the thread, after the customer's message (a staff reopen needs none: staff did it).
 */
@Injectable()
export class ReopenNotesListener implements OnModuleInit {
  private readonly logger = new Logger('ReopenNotes');

  constructor(
    private readonly events: DomainEvents,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.events.on('conversation.reopened', async ({ conversation, actorId }) => {
      if (actorId !== conversation.contact.id) return;
      try {
        await this.messages.post(SYSTEM_SENDER, {
          conversationId: conversation.id,
          // One note per reopen, however often the event is handled.
          clientMessageId: `system:reopen:${conversation.id}:${conversation.lastSeq}`,
          content: `${conversation.contact.name} wrote again, so the conversation was reopened.`,
          private: true,
        });
      } catch (err) {
        this.logger.warn(
          { conversationId: conversation.id, err: err instanceof Error ? err.message : String(err) },
          'reopen note not stored',
        );
      }
    });
  }
}
