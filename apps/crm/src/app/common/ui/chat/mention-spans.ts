import { mentionedIn, type Mentionable } from '@switchboard/contracts/types';

/** A piece of a note's text; `mention` when it is `@` and a colleague's name. */
export interface TextSpan {
  text: string;
  mention: boolean;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Splits a note into plain text and mentions by the contract's rule (`mentionedIn`, the function
 * the server notifies with), so what is highlighted is who gets notified. `mentionedIn` says who,
 * not where: at each `@` that starts a word, the longest stretch that is `@` and a whole name,
 * ending where a word ends, is the mention (the rule's own "longest name wins").
 */
export function mentionSpans(content: string, people: readonly Mentionable[]): TextSpan[] {
  if (people.length === 0 || !content.includes('@')) return [{ text: content, mention: false }];
  // Accents and repeated spaces may make the written name longer than the name itself.
  const longest = Math.max(...people.map((p) => p.name.length)) * 2 + 8;
  const spans: TextSpan[] = [];
  let plainFrom = 0;
  for (let at = content.indexOf('@'); at >= 0; at = content.indexOf('@', at + 1)) {
    if (at < plainFrom || (at > 0 && WORD_CHARACTER.test(content[at - 1]))) continue;
    const end = mentionEnd(content, at, longest, people);
    if (end === null) continue;
    if (at > plainFrom) spans.push({ text: content.slice(plainFrom, at), mention: false });
    spans.push({ text: content.slice(at, end), mention: true });
    plainFrom = end;
  }
  if (plainFrom < content.length) spans.push({ text: content.slice(plainFrom), mention: false });
  return spans;
}

function mentionEnd(content: string, at: number, longest: number, people: readonly Mentionable[]): number | null {
  // The rule reads every `@` of what it is given: the slice must hold this one only.
  const next = content.indexOf('@', at + 1);
  const limit = Math.min(next < 0 ? content.length : next, at + 1 + longest);
  for (let end = limit; end > at + 1; end--) {
    if (end < content.length && WORD_CHARACTER.test(content[end])) continue;
    if (/\s/.test(content[end - 1])) continue;
    const slice = content.slice(at, end);
    const found = mentionedIn(slice, people);
    if (found.length === 0) continue;
    // A shorter name may fit at the start of the slice too: only a name that fills it ends here
    // (one more letter after it and that name no longer fits).
    const longer = mentionedIn(`${slice}x`, people);
    if (found.some((id) => !longer.includes(id))) return end;
  }
  return null;
}
