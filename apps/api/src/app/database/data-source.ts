import type { DataSourceOptions } from 'typeorm';
import { Identity1764000000000 } from './migrations/1764000000000-identity';
import { Chat1795479715039 } from './migrations/1795479715039-chat';
import { Attachments1795480854003 } from './migrations/1795480854003-attachments';
import { StatsIndexes1795481219009 } from './migrations/1795481219009-stats-indexes';
import { Notifications1795481677965 } from './migrations/1795481677965-notifications';
import { SandboxOutbox1795483121375 } from './migrations/1795483121375-sandbox-outbox';
import { BulkCampaigns1796033101771 } from './migrations/1796033101771-bulk-campaigns';
import { Channels1796033581894 } from './migrations/1796033581894-channels';
import { BulkTemplates1796035388662 } from './migrations/1796035388662-bulk-templates';
import { StatsCounters1796035572348 } from './migrations/1796035572348-stats-counters';
import { Bot1796035592565 } from './migrations/1796035592565-bot';
import { FirstResponseVersion1796038700247 } from './migrations/1796038700247-first-response-version';
import { MessageCounterShards1796044629299 } from './migrations/1796044629299-message-counter-shards';
import { NotificationUnreadCounts1796105976547 } from './migrations/1796105976547-notification-unread-counts';
import { ConversationCounterShards1796118654421 } from './migrations/1796118654421-conversation-counter-shards';
import { Trust1796403848986 } from './migrations/1796403848986-trust';
import { Workspace1796408225560 } from './migrations/1796408225560-workspace';
import { PendingWidgetConversations1796500000000 } from './migrations/1796500000000-pending-widget-conversations';
import { ConversationRatings1796500000001 } from './migrations/1796500000001-conversation-ratings';
import { CampaignThreadsFunnel1796510000000 } from './migrations/1796510000000-campaign-threads-funnel';
import { CampaignSendsIndex1796510000001 } from './migrations/1796510000001-campaign-sends-index';
import { ConversationActivity1796520000000 } from './migrations/1796520000000-conversation-activity';
import { NotificationParams1796530000000 } from './migrations/1796530000000-notification-params';
import { ClosedConversationsIndex1796530000001 } from './migrations/1796530000001-closed-conversations-index';
import { SearchPendingList1796540000000 } from './migrations/1796540000000-search-pending-list';
import type { Env } from '../config/config.schema';

export const migrations = [
  Identity1764000000000,
  Chat1795479715039,
  Attachments1795480854003,
  StatsIndexes1795481219009,
  Notifications1795481677965,
  SandboxOutbox1795483121375,
  BulkCampaigns1796033101771,
  Channels1796033581894,
  BulkTemplates1796035388662,
  StatsCounters1796035572348,
  Bot1796035592565,
  FirstResponseVersion1796038700247,
  MessageCounterShards1796044629299,
  NotificationUnreadCounts1796105976547,
  ConversationCounterShards1796118654421,
  Trust1796403848986,
  Workspace1796408225560,
  PendingWidgetConversations1796500000000,
  ConversationRatings1796500000001,
  CampaignThreadsFunnel1796510000000,
  CampaignSendsIndex1796510000001,
  ConversationActivity1796520000000,
  NotificationParams1796530000000,
  ClosedConversationsIndex1796530000001,
  SearchPendingList1796540000000,
];

/**
 * The platform knows the database, not the domains: the entities come from the app (`entities.ts`,
 * beside the module that composes the features), so nothing here imports a feature.
 */
export const dataSourceOptions = (
  url: string,
  entities: DataSourceOptions['entities'],
  pool: Pick<Env, 'DATABASE_POOL_MAX' | 'DATABASE_POOL_IDLE_SECONDS'>,
): DataSourceOptions => ({
  type: 'postgres',
  url,
  entities,
  migrations,
  migrationsRun: true,
  migrationsTransactionMode: 'each',
  synchronize: false,
  // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
  uuidExtension: 'pgcrypto',
  // TypeORM's own logger prints query parameters (password hashes, message bodies); errors reach our filters.
  logging: false,
  // node-postgres reads 0 as "never close an idle connection".
  extra: {
    max: pool.DATABASE_POOL_MAX,
    idleTimeoutMillis: pool.DATABASE_POOL_IDLE_SECONDS * 1000,
    connectionTimeoutMillis: 5_000,
  },
});
