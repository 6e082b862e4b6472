export const MAX_MESSAGE_LENGTH = 10_000;
