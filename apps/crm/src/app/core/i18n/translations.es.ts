import type { TranslationKey } from './translations.en';
import { accountEs } from './es/account';
import { campaignsEs } from './es/campaigns';
import { cannedResponsesEs } from './es/canned-responses';
import { commonEs } from './es/common';
import { contactsEs } from './es/contacts';
import { conversationEs } from './es/conversation';
import { dashboardEs } from './es/dashboard';
import { csatEs } from './es/csat';
import { inboxEs } from './es/inbox';
import { labelsEs } from './es/labels';
import { loginEs } from './es/login';
import { notificationsEs } from './es/notifications';
import { settingsEs } from './es/settings';
import { teamEs } from './es/team';
import { widgetEs } from './es/widget';
import { workspaceEs } from './es/workspace';

/**
 * Spanish UI text, one file per feature area under ./es, each typed by its English counterpart.
 * Every English key must have an entry (checked by the type), so an area left out fails too.
 */
export const es: Record<TranslationKey, string> = {
  ...commonEs,
  ...loginEs,
  ...accountEs,
  ...inboxEs,
  ...workspaceEs,
  ...conversationEs,
  ...widgetEs,
  ...labelsEs,
  ...cannedResponsesEs,
  ...contactsEs,
  ...dashboardEs,
  ...csatEs,
  ...campaignsEs,
  ...notificationsEs,
  ...settingsEs,
  ...teamEs,
};
