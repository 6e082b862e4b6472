/** English UI text; the source of the key list. Placeholders look like {name}. */
export const en = {
  'app.name': 'Switchboard',

  'nav.main': 'Main navigation',
  'nav.inbox': 'Inbox',
  'nav.dashboard': 'Dashboard',
  'nav.campaigns': 'Campaigns',
  'nav.notifications': 'Notifications',
  'nav.notificationsUnread': 'Notifications: {count} unread',

  'shell.logout': 'Log out',
  'shell.language': 'Language',
  'shell.signedInAs': 'Signed in as {name}',

  'role.admin': 'Admin',
  'role.supervisor': 'Supervisor',
  'role.agent': 'Agent',
  'role.marketer': 'Marketer',

  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': 'Offline',
  'connection.degraded': 'Degraded',
  'connection.nextRetry': 'next attempt at {time}',
  'connection.lastError': 'last error: {error}',
  'connection.browserOffline': 'your device is offline',

  'live.live': 'Live',
  'live.polling': 'Not live: refreshing every {seconds} s',
  'live.updatedAt': 'Updated {time}',
  'live.loading': 'Loading…',
  'live.retry': 'Try again',

  'login.title': 'Sign in',
  'login.subtitle': 'Use your Switchboard staff account.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your email and password.',

  'errors.network': 'Cannot reach the server. Check your connection and try again.',
  'errors.unknown': 'Something went wrong. Please try again.',

  'inbox.title': 'Inbox',
  'inbox.empty': 'No conversations yet',
  'inbox.emptyHint': 'New conversations from the web widget and WhatsApp appear here as they arrive.',
  'inbox.unassigned': 'Unassigned',
  'inbox.noPreview': 'No messages yet',

  'dashboard.title': 'Dashboard',
  'dashboard.empty': 'No figures yet',
  'dashboard.unattended': 'Unattended',
  'dashboard.unattendedHint': 'Open and not assigned to an agent',
  'dashboard.open': 'Open conversations',
  'dashboard.agentsOnline': 'Agents online',
  'dashboard.messagesToday': 'Messages today',

  'campaigns.title': 'Campaigns',
  'campaigns.empty': 'No campaigns yet',
  'campaigns.emptyHint': 'Bulk campaigns you create appear here with their progress.',
  'campaigns.progress': '{sent} of {total} sent, {failed} failed',

  'notifications.title': 'Notifications',
  'notifications.empty': 'No notifications yet',
  'notifications.emptyHint': 'New conversations, assignments and finished campaigns are announced here.',
  'notifications.unread': 'Unread',
} as const satisfies Record<string, string>;

export type TranslationKey = keyof typeof en;
