/** Limits of the bot settings, which the app's settings form checks as well. */
export const BOT_TEXT_MAX = 1000;
export const BOT_KEYWORD_MAX = 40;
export const BOT_KEYWORDS_MAX = 30;
