/**
 * The mention rule both sides apply to a private note: `@` followed by a colleague's full name,
 * ignoring case, accents and repeated spaces, and not followed by another letter or digit. The
 * `@` must start a word (an email address mentions nobody). Where several names fit (`@Ana` and
 * `@Ana María`), the longest wins; colleagues sharing that exact name are all mentioned. The app
 * can highlight mentions with the same function the server notifies with.
 */
export interface Mentionable {
  id: string;
  name: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Lower case, without accents, with every run of white space as one space. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/** The ids of the people `content` mentions, each once, in the order of their first mention. */
export function mentionedIn(content: string, people: readonly Mentionable[]): string[] {
  if (!content.includes('@')) return [];
  const text = fold(content);
  const byName = new Map<string, string[]>();
  for (const p of people) {
    const name = fold(p.name).trim();
    if (name) byName.set(name, [...(byName.get(name) ?? []), p.id]);
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text[at - 1])) continue;
    const rest = text.slice(at + 1);
    const name = names.find((n) => rest.startsWith(n) && !WORD_CHARACTER.test(rest.charAt(n.length)));
    for (const id of name ? (byName.get(name) as string[]) : []) if (!found.includes(id)) found.push(id);
  }
  return found;
}
