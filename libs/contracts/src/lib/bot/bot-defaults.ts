/**
 * The bot's texts until an admin saves their own, in each language the app speaks: the settings
 * form offers them in the admin's language, and what is saved is what the bot says.
 */
export const BOT_DEFAULT_LANGUAGES = ['en', 'es'] as const;
export type BotDefaultLanguage = (typeof BOT_DEFAULT_LANGUAGES)[number];

export const BOT_DEFAULT_TEXTS: Record<
  BotDefaultLanguage,
  { greeting: string; outOfHoursReply: string; handoffReply: string }
> = {
  en: {
    greeting: 'Hi! Thanks for writing to us. Tell us how we can help and someone from the team will answer.',
    outOfHoursReply: 'We are closed right now. We have your message and will answer as soon as we open.',
    handoffReply: 'Of course: a person from our team will take over this conversation shortly.',
  },
  es: {
    greeting: '¡Hola! Gracias por escribirnos. Cuéntanos en qué podemos ayudarte y alguien del equipo te responderá.',
    outOfHoursReply: 'Ahora mismo estamos cerrados. Tenemos tu mensaje y te responderemos en cuanto abramos.',
    handoffReply: 'Por supuesto: una persona de nuestro equipo continuará esta conversación en breve.',
  },
};
