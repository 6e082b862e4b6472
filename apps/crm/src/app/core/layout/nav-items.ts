import type { StaffRole } from '@switchboard/contracts/types';
import type { TranslationKey } from '../i18n/translations.en';

export interface NavItem {
  path: string;
  label: TranslationKey;
  roles: readonly StaffRole[];
}

/** The top-level pages and who may open them; routes and the top bar both read this. */
export const NAV_ITEMS = [
  { path: '/inbox', label: 'nav.inbox', roles: ['admin', 'supervisor', 'agent'] },
  { path: '/contacts', label: 'nav.contacts', roles: ['admin', 'supervisor', 'agent'] },
  { path: '/canned-responses', label: 'nav.cannedResponses', roles: ['admin', 'supervisor', 'agent'] },
  { path: '/dashboard', label: 'nav.dashboard', roles: ['admin', 'supervisor'] },
  { path: '/campaigns', label: 'nav.campaigns', roles: ['admin', 'marketer'] },
  { path: '/team', label: 'nav.team', roles: ['admin', 'supervisor'] },
  { path: '/labels', label: 'labels.title', roles: ['admin', 'supervisor'] },
  { path: '/settings', label: 'settings.title', roles: ['admin'] },
] as const satisfies readonly NavItem[];

export const NOTIFICATIONS_ITEM = {
  path: '/notifications',
  label: 'nav.notifications',
  roles: ['admin', 'supervisor', 'agent', 'marketer'],
} as const satisfies NavItem;

/** Everyone's own account page, opened from their name in the top bar. */
export const ACCOUNT_ITEM = {
  path: '/account',
  label: 'account.title',
  roles: ['admin', 'supervisor', 'agent', 'marketer'],
} as const satisfies NavItem;

export function rolesFor(path: string): readonly StaffRole[] {
  return [...NAV_ITEMS, NOTIFICATIONS_ITEM, ACCOUNT_ITEM].find((item) => item.path === path)?.roles ?? [];
}

/** Where a user lands after login or when a page is not theirs: their first allowed page. */
export function homePathFor(role: StaffRole | null): string {
  if (!role) return '/login';
  const first = NAV_ITEMS.find((item) => (item.roles as readonly StaffRole[]).includes(role));
  return first?.path ?? NOTIFICATIONS_ITEM.path;
}
