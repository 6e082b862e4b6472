import { z } from 'zod';
import { text } from '../common/text.schema';
import { cursorSchema } from '../common/pagination.schema';
import { channelSchema, contactSchema, conversationStatusSchema } from '../chat/chat.schema';

/** A contact's detail lists at most this many of its conversations, the newest first. */
export const MAX_CONTACT_CONVERSATIONS = 100;
/** And at most this many other contacts that look like the same person. */
export const MAX_CONTACT_DUPLICATES = 10;

/**
 * Contacts the caller may see (those with at least one conversation the caller may see), by
 * name. `q` keeps those whose name, email or phone contain every word of it (accents and case
 * ignored; phones by their digits); a query of one- and two-letter words only matches names that
 * start with it.
 */
export const listContactsQuerySchema = z.object({
  q: text().trim().min(2).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: cursorSchema.optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const contactPageSchema = z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() });
export type ContactPage = z.infer<typeof contactPageSchema>;

/** One of a contact's conversations, as its detail lists them. */
export const contactConversationSchema = z.object({
  id: z.uuid(),
  status: conversationStatusSchema,
  channel: channelSchema,
  subject: z.string().nullable(),
  createdAt: z.string(),
  lastMessageAt: z.string().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type ContactConversation = z.infer<typeof contactConversationSchema>;

export const contactDetailSchema = contactSchema.extend({
  createdAt: z.string(),
  /** The conversations the caller may see, the newest first (at most MAX_CONTACT_CONVERSATIONS). */
  conversations: z.array(contactConversationSchema),
  /** The contact has more conversations the caller may see than those listed. */
  moreConversations: z.boolean(),
  /**
   * Other contacts with the same email that the caller may see: probably the same person, to be
   * offered a merge (POST /api/contacts/:id/merge). A phone belongs to one contact only.
   */
  duplicates: z.array(contactSchema),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

/** PATCH /api/contacts/:id: `null` clears the email or the phone. */
export const updateContactSchema = z
  .object({
    name: text().trim().min(1).max(120),
    email: z.email().max(254).nullable(),
    phone: text().trim().min(1).max(32).nullable(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'change at least one of name, email and phone');
export type UpdateContact = z.infer<typeof updateContactSchema>;

/**
 * POST /api/contacts/:id/merge: this contact's conversations move to `intoContactId`, which keeps
 * its own name and details and takes this one's email and phone where it has none. This contact
 * then answers GET with the one it was merged into.
 */
export const mergeContactSchema = z.object({ intoContactId: z.uuid() });
export type MergeContact = z.infer<typeof mergeContactSchema>;
