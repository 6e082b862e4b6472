/** English text of the canned replies page. */
export const cannedResponsesEn = {
  'canned.title': 'Canned replies',
  'canned.new': 'New canned reply',
  'canned.edit': 'Edit',
  'canned.delete': 'Delete',
  'canned.confirmDelete': 'Delete /{code} for the whole team?',
  'canned.save': 'Save',
  'canned.saving': 'Saving…',
  'canned.cancel': 'Cancel',
  'canned.search': 'Search by short code or text',
  'canned.intro':
    'Type / and the short code in a conversation to insert a reply. These variables are filled in from the conversation; any other stays as written:',
  'canned.shortCode': 'Short code',
  'canned.shortCodeHint': 'Up to 32 lower-case letters, digits, - or _, starting with a letter or digit.',
  'canned.content': 'Reply',
  'canned.empty': 'No canned replies yet',
  'canned.emptyHint': 'Replies the team sends often, ready to insert with /.',
  'canned.noMatch': 'No canned reply matches the search',
  'canned.offline':
    'Not connected to the server: the list may be out of date and changes cannot be saved until the connection returns.',
  'canned.error.shortCodeRequired': 'Enter a short code.',
  'canned.error.shortCode': 'Use 1 to 32 lower-case letters, digits, - or _, starting with a letter or digit.',
  'canned.error.contentRequired': 'Write the reply.',
  'canned.error.contentTooLong': 'Too long: at most 5000 characters.',
} as const satisfies Record<string, string>;
