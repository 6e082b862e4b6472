/** English text of the customer chat widget. */
export const widgetEn = {
  'widget.title': 'Chat with us',
  'widget.intro': 'Tell us your name and we will answer here in a moment.',
  'widget.name': 'Your name',
  'widget.email': 'Email (optional)',
  'widget.start': 'Start chat',
  'widget.starting': 'Starting…',
  'widget.nameRequired': 'Please enter your name.',
  'widget.emailInvalid': 'Enter a valid email or leave it empty.',
  'widget.support': 'Support',
  'widget.emptyHint': 'Write your question: an agent will answer here.',
  'widget.expired': 'Your chat session has ended. Start a new chat.',
} as const satisfies Record<string, string>;
