/** Half of a UTF-16 pair without its other half: no UTF-8 can carry it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` as UTF-8 can carry it: a lone surrogate becomes U+FFFD, as the driver makes of it in a text column. */
export const wellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\ufffd');

/**
 * JSON text for a `jsonb` parameter, every string (keys too) passed through `clean`. PostgreSQL
 * refuses a lone surrogate's escape (`"\ud800"`) in JSON and fails the whole statement, where a
 * text column takes the same character as U+FFFD: by default it becomes U+FFFD here too.
 */
export function toJsonb(value: unknown, clean: (s: string) => string = wellFormed): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string'
      ? clean(v)
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), x]))
        : v,
  );
}
