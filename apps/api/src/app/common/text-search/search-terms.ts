/** At most this many words of a query are matched; the rest are ignored. */
export const MAX_SEARCH_WORDS = 8;
/** Trigram matching finds a fragment anywhere from three characters on. */
const FRAGMENT_MIN_LENGTH = 3;
/** A word of digits and what people write phone numbers with: matched by its digits. */
const PHONE_LIKE = /^[+\d\s().\-/]*\d[+\d\s().\-/]*$/;

/** What a query asks for, in the two forms the indexes answer. */
export interface SearchTerms {
  /** The words as typed, each once (ignoring case): matched as Spanish and English lexemes. */
  words: string[];
  /**
   * What must appear somewhere in a name, email, phone or reference: each word of three or more
   * characters (a phone-like word as its digits), escaped for LIKE.
   */
  fragments: string[];
  /** When no word is that long ("Al", "de la"): the start the text must have, escaped for LIKE. */
  prefix: string | null;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const lengthOf = (s: string): number => [...s].length;

export function searchTermsOf(q: string): SearchTerms {
  const words: string[] = [];
  for (const word of q.split(/\s+/)) {
    if (word && !words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  const fragments = words
    .map((w) => (PHONE_LIKE.test(w) ? w.replace(/\D/g, '') : w))
    .filter((w) => lengthOf(w) >= FRAGMENT_MIN_LENGTH)
    .map(escapeLike);
  return {
    words,
    fragments: [...new Set(fragments)],
    prefix: fragments.length === 0 && words.length > 0 ? escapeLike(words.join(' ')) : null,
  };
}
