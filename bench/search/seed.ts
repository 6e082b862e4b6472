/**
 * Set-based seed (INSERT … SELECT generate_series, no row-by-row round trips): 100,000 contacts,
 * 125,000 conversations (a fifth of the contacts have two or more) over the last year, and about
 * 1,000,000 messages written in time order, then VACUUM ANALYZE.
 *
 * - contacts: first and last names (40% with a second last name), 60% with a phone, 50% with an
 *   email made of their name;
 * - conversations: each in one language (70% Spanish, 30% English); 70% closed; 60% assigned to one
 *   of the agents (the rest unassigned); 25% with a subject of 2–4 words, 20% with an externalRef;
 * - messages: 1 to 15 per conversation (8 on average), alternately the customer's and an agent's,
 *   3–16 words each drawn Zipf-like from the conversation's language (search/vocabulary.ts); 5% of
 *   the agents' are private notes and 0.5% of all are deleted.
 */
import type { Client } from 'pg';
import { messageText } from './messages-sql';
import { ENGLISH, FIRST_NAMES, LAST_NAMES, SPANISH, STOP_WORDS } from './vocabulary';

export interface SeedResult {
  contacts: number;
  conversations: number;
  messages: number;
  privateNotes: number;
  insertMs: number;
  /** VACUUM (ANALYZE) and the CHECKPOINT after it. */
  vacuumAnalyzeMs: number;
}

const CONTACTS = `
INSERT INTO contacts (id, name, phone, email, created_at)
SELECT md5('contact-' || i)::uuid, first || ' ' || last || COALESCE(' ' || second, ''),
       CASE WHEN r_phone < 0.6 THEN '+34 6' || lpad(i::text, 8, '0') END,
       CASE WHEN r_email < 0.5 THEN sb_fold(first) || '.' || sb_fold(last) || i || '@mail.example' END,
       now() - interval '365 days' * r_age
  FROM (SELECT i, random() AS r_phone, random() AS r_email, random() AS r_age,
               ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int] AS first,
               ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] AS last,
               CASE WHEN random() < 0.4 THEN ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] END AS second
          FROM generate_series(1, $3::int) i) s`;

const PLAN = `
CREATE TEMP TABLE seed_conv ON COMMIT DROP AS
SELECT i, md5('conversation-' || i)::uuid AS id, md5('contact-' || (1 + (i - 1) % $1::int))::uuid AS contact_id,
       now() - interval '365 days' * random() AS created_at,
       random() < 0.7 AS closed,
       CASE WHEN random() < 0.6 THEN ($2::uuid[])[1 + floor(random() * array_length($2::uuid[], 1))::int] END AS assignee_id,
       random() < 0.7 AS spanish,
       1 + (i * 7) % 15 AS n,
       random() AS r_channel, random() AS r_subject, random() AS r_ref
  FROM generate_series(1, $3::int) i`;

const CONVERSATIONS = `
INSERT INTO conversations (id, status, channel, subject, external_ref, contact_id, assignee_id, created_at, first_assigned_at,
                           last_message_at, last_message_preview, last_activity_at, last_seq, version)
SELECT c.id, CASE WHEN c.closed THEN 'closed' ELSE 'open' END,
       CASE WHEN c.r_channel < 0.6 THEN 'web' WHEN c.r_channel < 0.9 THEN 'whatsapp' ELSE 'internal' END,
       CASE WHEN c.r_subject < 0.25 THEN ${messageText('CASE WHEN c.spanish THEN $1::text[] ELSE $2::text[] END', '2 + (c.i % 3)')} END,
       CASE WHEN c.r_ref < 0.2 THEN 'ORD-' || lpad(c.i::text, 7, '0') END,
       c.contact_id, c.assignee_id, c.created_at, CASE WHEN c.assignee_id IS NOT NULL THEN c.created_at END,
       c.created_at + c.n * interval '3 minutes', 'seeded', c.created_at + c.n * interval '3 minutes', c.n, c.n + 1
  FROM seed_conv c ORDER BY c.created_at`;

/** Message s of a conversation is 3 minutes after the one before; rows in time order, as a live database appends them. */
const MESSAGES = `
INSERT INTO messages (conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, type, content, status, private, deleted_at, created_at)
SELECT c.id, s, 'seed-' || c.i || '-' || s,
       CASE WHEN s % 2 = 1 THEN 'contact' ELSE 'agent' END,
       CASE WHEN s % 2 = 0 THEN c.assignee_id END,
       CASE WHEN s % 2 = 1 THEN 'Customer' ELSE 'Agent' END,
       'text',
       ${messageText('CASE WHEN c.spanish THEN $1::text[] ELSE $2::text[] END', '3 + ((c.i + s * 5) % 14)')},
       'read',
       s % 2 = 0 AND random() < 0.05,
       CASE WHEN random() < 0.005 THEN c.created_at + s * interval '3 minutes' + interval '1 minute' END,
       c.created_at + s * interval '3 minutes'
  FROM seed_conv c CROSS JOIN LATERAL generate_series(1, c.n) s
 ORDER BY c.created_at + s * interval '3 minutes'`;

export async function seed(
  c: Client,
  sizes: { contacts: number; conversations: number },
  agentIds: string[],
): Promise<SeedResult> {
  const t0 = Date.now();
  await c.query('SET synchronous_commit = off');
  await c.query("SET maintenance_work_mem = '256MB'");
  await c.query("SET work_mem = '256MB'");
  await c.query('BEGIN');
  await c.query('SELECT setseed(0.42)');
  await c.query(CONTACTS, [FIRST_NAMES, LAST_NAMES, sizes.contacts]);
  await c.query(PLAN, [sizes.contacts, agentIds, sizes.conversations]);
  const [spanish, english] = [SPANISH.slice(0), ENGLISH.slice(0)];
  await c.query(CONVERSATIONS, [spanish.slice(STOP_WORDS.spanish), english.slice(STOP_WORDS.english)]);
  const { rowCount } = await c.query(MESSAGES, [spanish, english]);
  await c.query('COMMIT');
  const insertMs = Date.now() - t0;
  // ANALYZE for the planner; VACUUM for the visibility map (and the GIN pending list), as autovacuum would.
  const t1 = Date.now();
  await c.query('VACUUM (ANALYZE) contacts, conversations, conversation_activity, messages');
  // Written out now rather than by a checkpoint in the middle of the measurement (half a gigabyte).
  await c.query('CHECKPOINT');
  const vacuumAnalyzeMs = Date.now() - t1;
  const [{ notes }] = (await c.query(`SELECT count(*)::int AS notes FROM messages WHERE private`)).rows;
  return {
    contacts: sizes.contacts,
    conversations: sizes.conversations,
    messages: rowCount ?? 0,
    privateNotes: notes,
    insertMs,
    vacuumAnalyzeMs,
  };
}
