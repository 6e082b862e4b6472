import type { Snippet } from '@switchboard/contracts';

/** ts_headline's marks around what matched; no stored text has them (requests refuse control characters). */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
/** About two lines of a result list. */
export const SNIPPET_LENGTH = 160;
/** How far a cut may move to fall between words. */
const WORD_SLACK = 15;

type Range = [number, number];

/** The text without marks and the ranges that were marked. */
function unmark(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  let start = -1;
  const ranges: Range[] = [];
  for (const ch of marked) {
    if (ch === MATCH_START) start = text.length;
    else if (ch === MATCH_END && start >= 0) {
      if (text.length > start) ranges.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, ranges };
}

/** Sorted, with overlapping or touching ranges joined. */
function union(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const isLowSurrogate = (text: string, i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The snippet of a message from its copies marked by each language's headline (a word one
 * language stems differently is marked by the other): the marks of all copies, and, for a long
 * text, a window around the first match cut between words, with "…" where it was cut.
 */
export function snippetOf(markedCopies: string[], maxLength = SNIPPET_LENGTH): Snippet {
  const copies = markedCopies.map(unmark);
  const text = copies[0]?.text ?? '';
  const ranges = union(copies.filter((c) => c.text === text).flatMap((c) => c.ranges));
  if (text.length <= maxLength) return { text, highlights: ranges };

  const first = ranges[0]?.[0] ?? 0;
  let begin = Math.max(0, Math.min(first - Math.floor(maxLength / 4), text.length - maxLength));
  let end = Math.min(text.length, begin + maxLength);
  if (begin > 0) {
    const space = text.slice(begin, Math.min(first, begin + WORD_SLACK)).search(/\s/);
    if (space >= 0) begin += space + 1;
  }
  if (end < text.length && !isSpace(text[end])) {
    const cut = text.slice(Math.max(begin, end - WORD_SLACK), end).search(/\s\S*$/);
    if (cut >= 0 && Math.max(begin, end - WORD_SLACK) + cut > (ranges[0]?.[1] ?? 0))
      end = Math.max(begin, end - WORD_SLACK) + cut;
  }
  if (isLowSurrogate(text, begin)) begin += 1;
  if (isLowSurrogate(text, end)) end -= 1;

  const prefix = begin > 0 ? '…' : '';
  const body = text.slice(begin, end);
  const shift = prefix.length - begin;
  return {
    text: `${prefix}${body}${end < text.length ? '…' : ''}`,
    highlights: ranges
      .filter(([s, e]) => e > begin && s < end)
      .map(([s, e]): Range => [Math.max(s, begin) + shift, Math.min(e, end) + shift]),
  };
}
