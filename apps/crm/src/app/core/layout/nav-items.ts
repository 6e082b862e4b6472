import { roleGroups, type StaffRole, roleIn } from '@switchboard/contracts/types';
import type { TranslationKey } from '../i18n/translations.en';

export interface NavItem {
  path: string;
  label: TranslationKey;
  roles: readonly StaffRole[];
}

/** The top-level pages and who may open them; routes and the top bar both read this. */
export const NAV_ITEMS = [
  { path: '/inbox', label: 'nav.inbox', roles: roleGroups.inbox },
  { path: '/contacts', label: 'nav.contacts', roles: roleGroups.inbox },
  { path: '/canned-responses', label: 'nav.cannedResponses', roles: roleGroups.inbox },
  { path: '/dashboard', label: 'nav.dashboard', roles: roleGroups.managers },
  { path: '/campaigns', label: 'nav.campaigns', roles: roleGroups.campaigns },
  { path: '/team', label: 'nav.team', roles: roleGroups.managers },
  { path: '/labels', label: 'labels.title', roles: roleGroups.managers },
  { path: '/settings', label: 'settings.title', roles: roleGroups.admins },
] as const satisfies readonly NavItem[];

export const NOTIFICATIONS_ITEM = {
  path: '/notifications',
  label: 'nav.notifications',
  roles: roleGroups.staff,
} as const satisfies NavItem;

/** Everyone's own account page, opened from their name in the top bar. */
export const ACCOUNT_ITEM = {
  path: '/account',
  label: 'account.title',
  roles: roleGroups.staff,
} as const satisfies NavItem;

export function rolesFor(path: string): readonly StaffRole[] {
  return [...NAV_ITEMS, NOTIFICATIONS_ITEM, ACCOUNT_ITEM].find((item) => item.path === path)?.roles ?? [];
}

/** Where a user lands after login or when a page is not theirs: their first allowed page. */
export function homePathFor(role: StaffRole | null): string {
  if (!role) return '/login';
  const first = NAV_ITEMS.find((item) => roleIn(item.roles, role));
  return first?.path ?? NOTIFICATIONS_ITEM.path;
}
