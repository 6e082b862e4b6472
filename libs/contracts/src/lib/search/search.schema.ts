import { z } from 'zod';
import { text } from '../common/text.schema';
import { contactSchema, conversationSchema, messageSchema } from '../chat/chat.schema';

export const MAX_SEARCH_RESULTS = 50;

/**
 * GET /api/search. Messages match when they contain every word of `q` in Spanish or English
 * (stemmed: "pedidos" finds "pedido", "refunds" finds "refund"; accents and case ignored);
 * conversations when their subject does the same, or their externalRef or contact contains every
 * word; contacts when their name, email or phone (by its digits) contain every word. Only what
 * the caller may see, each kind newest (or, for contacts, best named) first, `limit` of each.
 */
export const searchQuerySchema = z.object({
  q: text().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/**
 * An excerpt of the message around what matched: plain text (never markup) and the ranges of it
 * to mark, `[start, end)` in UTF-16 code units (JavaScript string indices), in order and apart.
 */
export const snippetSchema = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])),
});
export type Snippet = z.infer<typeof snippetSchema>;

/** A matching message, its conversation (open it at `message.seq` with afterSeq/beforeSeq) and the excerpt. */
export const messageHitSchema = z.object({
  message: messageSchema,
  conversation: conversationSchema,
  snippet: snippetSchema,
});
export type MessageHit = z.infer<typeof messageHitSchema>;

export const searchResultSchema = z.object({
  conversations: z.array(conversationSchema),
  messages: z.array(messageHitSchema),
  contacts: z.array(contactSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
