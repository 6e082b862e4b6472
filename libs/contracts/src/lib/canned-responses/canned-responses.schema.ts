import { z } from 'zod';
import { text } from '../common/text.schema';
import { cursorSchema } from '../common/pagination.schema';

/** What an agent types after `/` to pick a reply: lower-case letters, digits, `-` and `_`. */
export const SHORT_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const MAX_CANNED_RESPONSE_LENGTH = 5000;

/** Stored lower-case; unique in the team. */
export const shortCodeSchema = text()
  .trim()
  .toLowerCase()
  .regex(SHORT_CODE_PATTERN, 'must be 1 to 32 letters, digits, - or _, starting with a letter or digit');

/**
 * The reply's text. Variables such as `{{contact.name}}` are stored as written: the app fills
 * them in when the agent picks the reply.
 */
export const cannedContentSchema = text().trim().min(1).max(MAX_CANNED_RESPONSE_LENGTH);

export const cannedResponseSchema = z.object({ id: z.uuid(), shortCode: z.string(), content: z.string() });
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

export const createCannedResponseSchema = z.object({ shortCode: shortCodeSchema, content: cannedContentSchema });
export type CreateCannedResponse = z.infer<typeof createCannedResponseSchema>;

export const updateCannedResponseSchema = createCannedResponseSchema
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'change at least one of shortCode and content');
export type UpdateCannedResponse = z.infer<typeof updateCannedResponseSchema>;

/** By short code; `q` keeps those whose short code starts with it or whose content contains it. */
export const listCannedResponsesQuerySchema = z.object({
  q: text().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorSchema.optional(),
});
export type ListCannedResponsesQuery = z.infer<typeof listCannedResponsesQuerySchema>;

export const cannedResponsePageSchema = z.object({
  items: z.array(cannedResponseSchema),
  nextCursor: z.string().nullable(),
});
export type CannedResponsePage = z.infer<typeof cannedResponsePageSchema>;
