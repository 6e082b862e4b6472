import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { MessageSearch } from './message-search';
import { SearchIndexCleanupJob } from './search-index-cleanup.job';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Search over messages, conversations and contacts (PostgreSQL full text in Spanish and English, and trigrams). */
@Module({
  imports: [ChatModule],
  controllers: [SearchController],
  providers: [SearchService, MessageSearch, SearchIndexCleanupJob],
})
export class SearchModule {}
