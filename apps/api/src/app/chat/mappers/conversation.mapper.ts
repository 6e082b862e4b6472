import type { Conversation, Label } from '@switchboard/contracts';
import { whatsappWindowExpiresAt } from '../whatsapp-window';

/**
 * How a conversation is stored: the contract's statuses, plus `pending` for a widget session's
 * conversation before the contact's first message. Nothing lists, counts or announces a pending
 * conversation; its contact sees it as open.
 */
export type StoredStatus = Conversation['status'] | 'pending';

/** A conversation as every viewer sees it; `unreadCount` is added per viewer. */
export type ConversationView = Omit<Conversation, 'unreadCount'>;

/** The columns `conversationSelect` returns, as node-postgres hands them over. */
export interface ConversationRow {
  id: string;
  status: StoredStatus;
  channel: Conversation['channel'];
  subject: string | null;
  external_ref: string | null;
  contact_id: string;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_last_inbound_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  first_response_at: Date | null;
  last_message_at: Date | null;
  last_message_preview: string | null;
  last_activity_at: Date;
  last_seq: number;
  version: number;
  /** By name; absent only from rows made up without `conversationColumns`. */
  labels?: Label[];
  read_seq?: number | null;
}

/**
 * The conversation's labels by name. Each label is looked up by key (a LATERAL with LIMIT, which
 * PostgreSQL does not turn into a join): the message writer plans its lock statement, which
 * reads these columns, once per connection, and a join planned from nearly empty tables would
 * walk the whole labels table for every conversation it locks.
 */
const labelsColumn = `
  (SELECT COALESCE(json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY lower(l.name), l.id), '[]')
     FROM conversation_labels cl
     JOIN LATERAL (SELECT id, name, color FROM labels WHERE id = cl.label_id LIMIT 1) l ON true
    WHERE cl.conversation_id = c.id) AS labels`;

/** The SELECT list behind every conversation read; `c` is conversations, `ct` contacts. */
export const conversationColumns = `
  c.id, c.status, c.channel, c.subject, c.external_ref, c.contact_id,
  ct.name AS contact_name, ct.phone AS contact_phone, ct.email AS contact_email, ct.last_inbound_at AS contact_last_inbound_at,
  c.assignee_id, (SELECT u.name FROM users u WHERE u.id = c.assignee_id) AS assignee_name,
  c.created_at, c.first_response_at, c.last_message_at, c.last_message_preview, c.last_activity_at,
  c.last_seq, c.version, ${labelsColumn}`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toConversationView(r: ConversationRow): ConversationView {
  return {
    id: r.id,
    status: r.status === 'pending' ? 'open' : r.status,
    channel: r.channel,
    subject: r.subject,
    externalRef: r.external_ref,
    contact: { id: r.contact_id, name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    firstResponseAt: iso(r.first_response_at),
    lastMessageAt: iso(r.last_message_at),
    lastMessagePreview: r.last_message_preview,
    lastSeq: r.last_seq,
    version: r.version,
    windowExpiresAt: iso(whatsappWindowExpiresAt(r.channel, r.contact_last_inbound_at)),
    labels: r.labels ?? [],
  };
}

export const withUnread = (view: ConversationView, readSeq: number): Conversation => ({
  ...view,
  unreadCount: Math.max(0, view.lastSeq - readSeq),
});

export const toConversation = (r: ConversationRow): Conversation => withUnread(toConversationView(r), r.read_seq ?? 0);

/** The preview shown in the inbox list. */
export function previewOf(type: string, content: string, attachmentName?: string | null): string {
  const text = type === 'text' ? content : `[${type}] ${attachmentName ?? content}`.trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** The preview while the latest message is deleted: what the thread shows in its place. */
export const DELETED_PREVIEW = 'This message was deleted';
