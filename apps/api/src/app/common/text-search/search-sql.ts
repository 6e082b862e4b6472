import type { SearchTerms } from './search-terms';

/** The parameters of one statement, numbered as they are added. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(...initial: unknown[]) {
    this.values.push(...initial);
  }

  /** `$n` for `value`. */
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/**
 * The tsquery of every word, each as a Spanish or an English lexeme: a word that is a stop word
 * in one language still counts in the other, and one in both ("a") is left out. Null without words.
 */
export function documentQuery(terms: SearchTerms, p: SqlParams): string | null {
  if (terms.words.length === 0) return null;
  return terms.words
    .map((w) => {
      const n = p.add(w);
      return `(plainto_tsquery('switchboard_en'::regconfig, ${n}::text) || plainto_tsquery('switchboard_es'::regconfig, ${n}::text))`;
    })
    .join(' && ');
}

/**
 * `text` (an expression already folded with sb_fold, indexed with gin_trgm_ops) contains every
 * fragment, or, for a query of short words only, starts with them. Both forms are answered by a
 * trigram index; null when the query gives neither.
 */
export function textMatches(text: string, terms: SearchTerms, p: SqlParams): string | null {
  if (terms.fragments.length > 0)
    return terms.fragments.map((f) => `${text} LIKE '%' || sb_fold(${p.add(f)}::text) || '%'`).join(' AND ');
  if (terms.prefix) return `${text} LIKE sb_fold(${p.add(terms.prefix)}::text) || '%'`;
  return null;
}
