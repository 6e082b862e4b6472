/** UTF-8 length, in bytes (a password's limit is in bytes, whatever its characters). */
export const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
