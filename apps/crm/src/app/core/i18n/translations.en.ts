import { accountEn } from './en/account';
import { campaignsEn } from './en/campaigns';
import { cannedResponsesEn } from './en/canned-responses';
import { commonEn } from './en/common';
import { contactsEn } from './en/contacts';
import { conversationEn } from './en/conversation';
import { dashboardEn } from './en/dashboard';
import { csatEn } from './en/csat';
import { inboxEn } from './en/inbox';
import { labelsEn } from './en/labels';
import { loginEn } from './en/login';
import { notificationsEn } from './en/notifications';
import { settingsEn } from './en/settings';
import { teamEn } from './en/team';
import { widgetEn } from './en/widget';
import { workspaceEn } from './en/workspace';

/**
 * English UI text, one file per feature area under ./en; the source of the key list. Placeholders
 * look like {name}. A key defined in two areas would silently keep the later text, so
 * translations.spec.ts checks each key has one home.
 */
export const en = {
  ...commonEn,
  ...loginEn,
  ...accountEn,
  ...inboxEn,
  ...workspaceEn,
  ...conversationEn,
  ...widgetEn,
  ...labelsEn,
  ...cannedResponsesEn,
  ...contactsEn,
  ...dashboardEn,
  ...csatEn,
  ...campaignsEn,
  ...notificationsEn,
  ...settingsEn,
  ...teamEn,
};

export type TranslationKey = keyof typeof en;
