export const MAX_MESSAGE_LENGTH = 10_000;
/** How much of a quoted message a reply carries (`replyTo.excerpt`). */
export const REPLY_EXCERPT_LENGTH = 140;
