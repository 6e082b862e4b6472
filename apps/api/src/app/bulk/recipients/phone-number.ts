/**
 * E.164: a plus, a country code that does not start with 0, at most 15 digits in all. People paste
 * numbers with spaces, dashes, dots and parentheses, and sometimes with a 00 international prefix;
 * those are accepted and normalised. A number without a country code cannot be guessed and is refused.
 */
export function toE164(raw: string): { phone: string } | { error: string } {
  const trimmed = raw.trim();
  if (!trimmed) return { error: 'phone is missing' };
  const compact = trimmed.replace(/[\s\-.()/]/g, '');
  const withPlus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!withPlus.startsWith('+')) return { error: `"${trimmed}" has no country code (write it like +34600123456)` };
  if (!/^\+[1-9]\d{6,14}$/.test(withPlus)) return { error: `"${trimmed}" is not a valid international number (E.164)` };
  return { phone: withPlus };
}
