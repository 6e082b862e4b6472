import type { SearchTerms } from '../common/text-search/search-terms';
import { documentQuery, textMatches, type SqlParams } from '../common/text-search/search-sql';

/** What contact search matches (the migration indexes exactly this expression with trigrams). */
export const contactSearchText = (alias: string): string =>
  `sb_contact_text(${alias}.name, ${alias}.email, ${alias}.phone)`;

/** Contacts `alias` whose name, email or phone digits contain the terms; null when the query gives nothing to match. */
export function contactMatches(alias: string, terms: SearchTerms, p: SqlParams): string | null {
  return textMatches(contactSearchText(alias), terms, p);
}

/**
 * How a query finds conversations, as the FROM and WHERE of one statement each (conversations are
 * `c`): those whose subject has every word (Spanish or English), whose externalRef contains every
 * fragment, or whose contact matches. Each part is read from its index.
 */
export function conversationMatchParts(terms: SearchTerms, p: SqlParams): string[] {
  const parts: string[] = [];
  const words = documentQuery(terms, p);
  if (words) {
    parts.push(`FROM conversations c
                 WHERE c.subject IS NOT NULL
                   AND (to_tsvector('switchboard_en'::regconfig, c.subject) || to_tsvector('switchboard_es'::regconfig, c.subject)) @@ (${words})`);
  }
  const ref = textMatches('sb_fold(c.external_ref)', terms, p);
  if (ref) parts.push(`FROM conversations c WHERE c.external_ref IS NOT NULL AND ${ref}`);
  const contact = contactMatches('ct', terms, p);
  if (contact) parts.push(`FROM contacts ct JOIN conversations c ON c.contact_id = ct.id WHERE ${contact}`);
  return parts;
}

/** The ids of the conversations a query finds (`SELECT id …`), for a caller that joins them to conversations and applies who may see them. */
export function matchingConversationIds(terms: SearchTerms, p: SqlParams): string {
  const parts = conversationMatchParts(terms, p);
  return parts.length > 0
    ? parts.map((part) => `SELECT c.id ${part}`).join(' UNION ')
    : 'SELECT NULL::uuid AS id WHERE false';
}
