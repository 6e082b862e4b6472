import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContactDetail } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { SessionsService } from '../common/auth/sessions/sessions.service';
import { assertStaffForConversations, canSee, type Actor } from '../chat/conversation-access';
import { ContactConversationsReader } from './contact-conversations';
import { ContactDirectoryService } from './contact-directory.service';
import '../chat/events/chat.events';

interface LockedContact {
  id: string;
  phone: string | null;
  email: string | null;
  merged_into: string | null;
}

/**
 * One person, two contacts (a web chat and a WhatsApp number, say): `merge` moves every
 * conversation of one contact to the other. The survivor keeps its name and details and takes
 * the merged one's email and phone where it has none; the merged contact keeps its own record,
 * points at the survivor (`merged_into`, always the survivor itself: chains are flattened) and
 * answers reads with it. Its widget sessions end: its conversations are no longer its own.
 */
@Injectable()
export class ContactMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly sessions: SessionsService,
    private readonly conversations: ContactConversationsReader,
    private readonly directory: ContactDirectoryService,
  ) {}

  async merge(actor: Actor, sourceId: string, intoId: string): Promise<ContactDetail> {
    assertStaffForConversations(actor);
    const source = await this.directory.surviving(this.db.manager, sourceId);
    if (source.id !== sourceId.toLowerCase()) throw alreadyMerged(source.id);
    const target = await this.directory.surviving(this.db.manager, intoId);
    if (target.id === source.id) {
      throw new AppError('validation_failed', 'A contact cannot be merged into itself', [
        { path: 'intoContactId', message: 'the same contact' },
      ]);
    }
    const outcome = await this.db.transaction(async (tx) => {
      // Conversations first, then contacts, each in id order: the message writer locks a
      // conversation before it touches its contact, so the two never wait for each other in a circle.
      const locked: { contact_id: string; assignee_id: string | null }[] = await tx.query(
        `SELECT contact_id, assignee_id FROM conversations WHERE contact_id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[source.id, target.id]],
      );
      for (const id of [source.id, target.id]) {
        if (!locked.some((c) => c.contact_id === id && canSee(actor, { assigneeId: c.assignee_id, contactId: id }))) {
          throw new AppError('forbidden', 'You must see a conversation of both contacts to merge them');
        }
      }
      const contacts: LockedContact[] = await tx.query(
        `SELECT id, phone, email, merged_into FROM contacts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[source.id, target.id]],
      );
      const from = contacts.find((c) => c.id === source.id) as LockedContact;
      const into = contacts.find((c) => c.id === target.id) as LockedContact;
      if (from.merged_into) throw alreadyMerged(from.merged_into);
      if (into.merged_into)
        throw new AppError('conflict', 'That contact was merged into another meanwhile', [
          { path: 'intoContactId', message: 'merged' },
        ]);
      // A phone is how WhatsApp reaches the customer: moving conversations to another number would send replies there.
      if (from.phone && into.phone && from.phone !== into.phone) {
        throw new AppError('conflict', 'The two contacts have different phone numbers: correct or clear one first', [
          { path: 'phone', message: 'two different numbers' },
        ]);
      }
      await tx.query(`UPDATE contacts SET merged_into = $2, merged_at = now(), phone = NULL WHERE id = $1`, [
        from.id,
        into.id,
      ]);
      await tx.query(`UPDATE contacts SET merged_into = $2 WHERE merged_into = $1`, [from.id, into.id]);
      await tx.query(
        `UPDATE contacts SET email = COALESCE(email, $2), phone = COALESCE(phone, $3),
                last_inbound_at = GREATEST(last_inbound_at, (SELECT last_inbound_at FROM contacts WHERE id = $4))
          WHERE id = $1`,
        [into.id, from.email, from.phone, from.id],
      );
      await tx.query(`UPDATE conversations SET contact_id = $2 WHERE contact_id = $1`, [from.id, into.id]);
      const ended = await this.sessions.endAllWithin(tx, from.id);
      return { views: await this.conversations.bumpAll(tx, into.id), ended };
    });
    this.sessions.announceRevoked(outcome.ended);
    for (const view of outcome.views)
      this.events.emit('conversation.changed', { conversation: view, actorId: actor.sub });
    return this.directory.detail(actor, target.id);
  }
}

const alreadyMerged = (into: string) =>
  new AppError('conflict', `This contact was merged into another already (${into})`, [
    { path: 'id', message: 'merged' },
  ]);
