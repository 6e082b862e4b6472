import { Module } from '@nestjs/common';
import { ContactConversationsReader } from './contact-conversations';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactMergeService } from './contact-merge.service';
import { ContactsController } from './contacts.controller';

/** The contact directory staff browse, edit and merge (contacts are chat's customers: chat creates them). */
@Module({
  controllers: [ContactsController],
  providers: [ContactDirectoryService, ContactMergeService, ContactConversationsReader],
})
export class ContactsModule {}
