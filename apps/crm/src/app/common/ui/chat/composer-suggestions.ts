/** One choice of the composer's suggestion list. */
export interface ComposerSuggestion {
  id: string;
  label: string;
  /** A second line (a canned reply as it will read). */
  detail?: string | null;
  /** Something the user should know before picking it (variables that stay as written). */
  warning?: string | null;
  /** What replaces the typed trigger (`/sal`, `@An`) when picked. */
  insert: string;
}

/** The suggestions for what is being typed at the caret, and the part of the text a pick replaces. */
export interface ComposerSuggestionList {
  /** Tells lists apart (`canned`, `mention`): Escape closes one until another trigger is typed. */
  kind: string;
  /** A pick replaces `text.slice(from, to)`. */
  from: number;
  to: number;
  title: string;
  items: readonly ComposerSuggestion[];
  /** Said when `items` is empty (nothing matches, still loading, failed). */
  empty: string;
}

export interface ComposerInput {
  text: string;
  caret: number;
  /** The staff composer is writing a private note. */
  note: boolean;
}

/**
 * What the composer may suggest while typing. The staff inbox supplies one (canned replies,
 * colleagues to mention); the customer widget none, so it never shows staff-only suggestions.
 */
export type ComposerAssist = (input: ComposerInput) => ComposerSuggestionList | null;

/** The text after picking `item`, and where the caret goes (right after the insertion). */
export function applySuggestion(
  text: string,
  list: Pick<ComposerSuggestionList, 'from' | 'to'>,
  item: ComposerSuggestion,
): { text: string; caret: number } {
  return { text: text.slice(0, list.from) + item.insert + text.slice(list.to), caret: list.from + item.insert.length };
}
