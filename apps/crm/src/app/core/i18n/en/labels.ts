/** English text of the labels page. */
export const labelsEn = {
  'labels.title': 'Labels',
  'labels.intro':
    'Labels sort conversations (“VIP”, “refund”…). Anyone on the team puts them on a conversation from its header; supervisors and admins create, rename, recolour and delete them here.',
  'labels.new': 'New label',
  'labels.name': 'Name',
  'labels.color': 'Colour',
  'labels.swatch': 'Colour {color}',
  'labels.preview': 'Preview',
  'labels.create': 'Create label',
  'labels.creating': 'Creating…',
  'labels.edit': 'Edit',
  'labels.save': 'Save',
  'labels.saving': 'Saving…',
  'labels.cancel': 'Cancel',
  'labels.delete': 'Delete',
  'labels.deleteConfirm': 'Delete “{name}”? It is taken off every conversation that has it.',
  'labels.deleteYes': 'Delete it',
  'labels.deleting': 'Deleting…',
  'labels.empty': 'No labels yet',
  'labels.emptyHint': 'Create the first one above.',
  'labels.offline':
    'You are offline: the labels shown may be out of date, and changes can be saved once the connection returns.',
  'labels.error.nameRequired': 'Give the label a name.',
  'labels.error.nameTooLong': 'At most 50 characters.',
  'labels.error.nameTaken': 'Another label already has this name.',
  'labels.error.color': 'Choose a colour (written #rrggbb).',
} as const satisfies Record<string, string>;
