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
import { en } from './translations.en';
import { es } from './translations.es';

const areas: Record<string, Record<string, string>> = {
  accountEn,
  campaignsEn,
  cannedResponsesEn,
  commonEn,
  contactsEn,
  conversationEn,
  dashboardEn,
  csatEn,
  inboxEn,
  labelsEn,
  loginEn,
  notificationsEn,
  settingsEn,
  teamEn,
  widgetEn,
  workspaceEn,
};

describe('translations', () => {
  it('defines each English key in one area only', () => {
    const homes = new Map<string, string[]>();
    for (const [area, texts] of Object.entries(areas)) {
      for (const key of Object.keys(texts)) homes.set(key, [...(homes.get(key) ?? []), area]);
    }
    expect([...homes].filter(([, found]) => found.length > 1)).toEqual([]);
    expect([...homes.keys()].sort()).toEqual(Object.keys(en).sort());
  });

  it('has a Spanish text for every English key and no other', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(es).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
