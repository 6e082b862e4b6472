/** UTF-8 length: bcrypt reads at most 72 bytes of a password, whatever its characters. */
export const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
