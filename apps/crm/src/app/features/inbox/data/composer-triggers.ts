import type { CannedResponse, Mentionable } from '@switchboard/contracts/types';

/** What is being typed after `/` or `@` at the caret, and the stretch of text a pick replaces. */
export interface Trigger {
  query: string;
  from: number;
  to: number;
}

/** The characters of a short code (the contract's SHORT_CODE_PATTERN, before lower-casing). */
const SHORT_CODE_CHARACTER = /^[a-z0-9_-]*$/i;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** A mention is looked for this far back from the caret (a long full name and some spaces). */
const MENTION_REACH = 80;

/**
 * `/` starting a word, then short-code characters up to the caret: `Hi /gre|` → `gre`. The whole
 * word is replaced, also what follows the caret inside it.
 */
export function slashTrigger(text: string, caret: number): Trigger | null {
  const from = wordStart(text, caret);
  if (text[from] !== '/') return null;
  const query = text.slice(from + 1, caret);
  if (!SHORT_CODE_CHARACTER.test(query)) return null;
  let to = caret;
  while (to < text.length && !/\s/.test(text[to])) to++;
  return { query: query.toLowerCase(), from, to };
}

/**
 * `@` starting a word, then what was typed up to the caret, which may hold spaces (full names do)
 * but no line break: `ask @Bruno A|` → `Bruno A`. The nearest such `@` wins.
 */
export function mentionTrigger(text: string, caret: number): Trigger | null {
  const floor = Math.max(0, caret - MENTION_REACH);
  for (let at = text.lastIndexOf('@', caret - 1); at >= floor; at = text.lastIndexOf('@', at - 1)) {
    const query = text.slice(at + 1, caret);
    if (query.includes('\n')) return null;
    if (at > 0 && WORD_CHARACTER.test(text[at - 1])) continue;
    return { query, from: at, to: caret };
  }
  return null;
}

/** Short codes that start with the query first, then those that contain it; each group by short code. */
export function matchCanned(replies: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.toLowerCase();
  const byCode = (a: CannedResponse, b: CannedResponse) => a.shortCode.localeCompare(b.shortCode);
  const starts = replies.filter((r) => r.shortCode.startsWith(q)).sort(byCode);
  const contains = replies.filter((r) => !r.shortCode.startsWith(q) && r.shortCode.includes(q)).sort(byCode);
  return [...starts, ...contains];
}

/** Lower case, no accents, single spaces: how the mention rule compares names. */
export const foldName = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/**
 * Colleagues whose name starts with the query, or has a word that does (`@lop` finds "Ana López"),
 * the former first, each group by name.
 */
export function matchPeople<P extends Mentionable>(people: readonly P[], query: string): P[] {
  const q = foldName(query).trimStart();
  const byName = (a: P, b: P) => a.name.localeCompare(b.name);
  const starts = people.filter((p) => foldName(p.name).startsWith(q)).sort(byName);
  const words = q.includes(' ')
    ? []
    : people.filter(
        (p) =>
          !foldName(p.name).startsWith(q) &&
          foldName(p.name)
            .split(' ')
            .some((w) => w.startsWith(q)),
      );
  return [...starts, ...words.sort(byName)];
}

function wordStart(text: string, caret: number): number {
  let from = caret;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  return from;
}
