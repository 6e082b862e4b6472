/*
 * The contracts for the browser (`@switchboard/contracts/types`): every type of the main entry, and
 * only the values that load without zod. A value import from the main entry puts zod and every
 * schema in the app's bundle; from here it cannot, as the schemas are types only.
 * lib/types-entry.spec.ts keeps this list in step with index.ts and loads it with zod unavailable.
 */
export type * from './lib/common/errors.schema';
export type * from './lib/common/ack.schema';
export type * from './lib/common/pagination.schema';
export type * from './lib/common/rest-route';
export * from './lib/common/namespaces';
export * from './lib/auth/role-groups';
export type * from './lib/auth/auth.schema';
export type * from './lib/auth/auth.rest';
export type * from './lib/users/users.schema';
export type * from './lib/users/users.rest';
export type * from './lib/health/health.schema';
export type * from './lib/chat/chat.schema';
export type * from './lib/chat/chat.events';
export type * from './lib/chat/chat.rest';
export * from './lib/chat/mentions';
export type * from './lib/labels/labels.schema';
export type * from './lib/labels/labels.rest';
export type * from './lib/canned-responses/canned-responses.schema';
export type * from './lib/canned-responses/canned-responses.rest';
export type * from './lib/contacts/contacts.schema';
export type * from './lib/contacts/contacts.rest';
export type * from './lib/search/search.schema';
export type * from './lib/search/search.rest';
export type * from './lib/notifications/notifications.schema';
export * from './lib/notifications/notification-texts';
export type * from './lib/csat/csat.schema';
export type * from './lib/csat/csat.rest';
export type * from './lib/stats/stats.schema';
export type * from './lib/bulk/bulk.schema';
export type * from './lib/bulk/bulk.events';
export type * from './lib/bulk/bulk.rest';
export type * from './lib/channels/channels.schema';
export type * from './lib/bot/bot.schema';
export * from './lib/bot/bot-defaults';
export type * from './lib/bot/bot.rest';
export type * from './lib/common/text.schema';
export type * from './lib/contract-routes';

// The zod-free values the schema files re-export: the same bindings as the main entry's.
export { utf8Length } from './lib/common/utf8';
export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from './lib/auth/password-rules';
export { MAX_MESSAGE_LENGTH, REPLY_EXCERPT_LENGTH } from './lib/chat/message-limits';
export {
  DEFAULT_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RECIPIENTS,
} from './lib/bulk/campaign-limits';
export { BOT_KEYWORD_MAX, BOT_KEYWORDS_MAX, BOT_TEXT_MAX } from './lib/bot/bot-limits';
