/** English text of the app shell (navigation, roles, connection) and what features share (errors, channels, passwords). */
export const commonEn = {
  'app.name': 'Switchboard',

  'nav.main': 'Main navigation',
  'nav.inbox': 'Inbox',
  'nav.dashboard': 'Dashboard',
  'nav.campaigns': 'Campaigns',
  'nav.team': 'Team',
  'nav.notifications': 'Notifications',
  'nav.notificationsUnread': 'Notifications: {count} unread',
  'nav.contacts': 'Contacts',
  'nav.cannedResponses': 'Canned replies',

  'shell.logout': 'Log out',
  'shell.language': 'Language',
  'shell.account': 'Signed in as {name}: your account and password',
  'shell.menuOpen': 'Open the menu',
  'shell.menuClose': 'Close the menu',

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
  'connection.serverReports': 'the server reports a problem with {checks}; messages may arrive late until it recovers',
  'connection.check.database': 'the database',
  'connection.check.redis': 'Redis',
  'connection.check.realtime': 'delivery between servers',

  'live.live': 'Live',
  'live.polling': 'Not live: refreshing every {seconds} s',
  'live.updatedAt': 'Updated {time}',
  'live.loading': 'Loading…',
  'live.retry': 'Try again',

  'errors.network': 'Cannot reach the server. Check your connection and try again.',
  'errors.unknown': 'Something went wrong. Please try again.',
  'errors.rateLimited': 'Too many attempts. Wait {seconds} s and try again.',
  'errors.offline': 'You are offline. Try again when the connection returns.',
  'errors.timeout': 'The server did not answer in time. Try again.',

  'channel.web': 'Web',
  'channel.whatsapp': 'WhatsApp',
  'channel.internal': 'Internal',

  'password.hint': 'At least {min} characters, at most {max} bytes (letters with accents take 2, emoji 4).',
  'password.error.tooShort': 'Too short: at least {min} characters.',
  'password.error.tooLong': 'Too long: at most {max} bytes (letters with accents take 2, emoji 4).',
} as const satisfies Record<string, string>;
