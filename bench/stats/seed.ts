/**
 * Set-based seed (INSERT … SELECT generate_series, no row-by-row round trips): contacts,
 * conversations and messages with a realistic spread, then VACUUM ANALYZE.
 *
 * - conversations over the last 182 days; 1 in 200 started today (so "today" has a few thousand messages
 *   whatever the hour), the rest spread uniformly (so ~1/6 fall in the current month);
 * - ~70% closed; ~60% assigned to one of the agents; ~68% were first assigned at some point and ~92% of
 *   those got a first agent response (seq 2); the others had a bot reply;
 * - `messagesPer` messages each (seq 1..n), spread over the conversation's length (10 min to ~2 days,
 *   mostly short), never later than now;
 * - rows are written in created_at order, as a live database appends them (the heap is correlated
 *   with time, so "this month" and "today" sit in the newest pages).
 */
import type { Client } from 'pg';

export interface SeedResult {
  conversations: number;
  messages: number;
  insertMs: number;
  vacuumAnalyzeMs: number;
  /** What the seed produced, counted the way the stats object defines it (for the report). */
  shape: {
    open: number;
    unattended: number;
    attendedThisMonth: number;
    respondedThisMonth: number;
    messagesToday: number;
  };
}

const PLAN = `
CREATE TEMP TABLE seed_conv ON COMMIT DROP AS
WITH b AS (
  SELECT now() AS now_, date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2 AS day_start
), d AS (
  SELECT i, random() AS r_age, random() AS r_status, random() AS r_assign, random() AS r_agent,
         random() AS r_fa, random() AS r_fr, random() AS r_span, random() AS r_channel
    FROM generate_series(1, $1::int) i
), t AS (
  SELECT d.*, b.now_,
         CASE WHEN i % 200 = 0 THEN b.day_start + (b.now_ - b.day_start) * 0.9 * r_age
              ELSE b.now_ - interval '182 days' * r_age END AS created_at
    FROM d, b
)
SELECT i,
       md5('conversation-' || i)::uuid AS id,
       md5('contact-' || i)::uuid AS contact_id,
       created_at,
       LEAST(now_ - created_at, interval '10 minutes' + interval '2 days' * r_span * r_span) AS span,
       r_status < 0.7 AS closed,
       CASE WHEN r_assign < 0.6 THEN ($3::uuid[])[1 + floor(r_agent * array_length($3::uuid[], 1))::int] END AS assignee_id,
       ($3::uuid[])[1 + floor(r_agent * array_length($3::uuid[], 1))::int] AS agent_id,
       r_assign < 0.68 AS was_assigned,
       r_assign < 0.68 AND r_fr < 0.92 AS responded,
       r_fa,
       CASE WHEN r_channel < 0.7 THEN 'web' WHEN r_channel < 0.95 THEN 'whatsapp' ELSE 'internal' END AS channel,
       now_
  FROM t`;

const CONTACTS = `
INSERT INTO contacts (id, name, phone, email, created_at)
SELECT contact_id, 'Customer ' || i,
       CASE WHEN channel = 'whatsapp' THEN '+1555' || lpad(i::text, 8, '0') END,
       CASE WHEN i % 3 = 0 THEN 'customer' || i || '@example.com' END,
       created_at
  FROM seed_conv
 ORDER BY created_at`;

/** Message s is at created_at + span × (s−1)/(n−1); seq 2 is the first agent response when there is one. */
const AT = (s: string) => `(c.created_at + c.span * ((${s} - 1)::float8 / GREATEST($1::int - 1, 1)))`;

const CONVERSATIONS = `
INSERT INTO conversations (id, status, channel, subject, external_ref, contact_id, assignee_id, created_at,
                           first_assigned_at, first_response_at, reopened_at, closed_at, last_message_at,
                           last_message_preview, last_activity_at, last_seq, version)
SELECT c.id, CASE WHEN c.closed THEN 'closed' ELSE 'open' END, c.channel,
       CASE WHEN c.i % 5 = 0 THEN 'Order #' || c.i END, NULL, c.contact_id, c.assignee_id, c.created_at,
       CASE WHEN c.was_assigned THEN c.created_at + (${AT('2')} - c.created_at) * c.r_fa END,
       CASE WHEN c.responded THEN ${AT('2')} END,
       NULL,
       CASE WHEN c.closed THEN LEAST(c.now_, ${AT('$1::int')} + interval '5 minutes') END,
       ${AT('$1::int')},
       'Message ' || $1::int || ' in conversation ' || c.i,
       CASE WHEN c.closed THEN LEAST(c.now_, ${AT('$1::int')} + interval '5 minutes') ELSE ${AT('$1::int')} END,
       $1::int, $1::int + 3
  FROM seed_conv c
 ORDER BY c.created_at`;

const MESSAGES = `
INSERT INTO messages (conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, type, content, status, created_at)
SELECT c.id, s, 'seed-' || c.i || '-' || s,
       CASE WHEN s = 1 OR s % 2 = 1 THEN 'contact'
            WHEN s = 2 AND NOT c.responded THEN 'bot'
            WHEN c.was_assigned THEN 'agent' ELSE 'contact' END,
       CASE WHEN s % 2 = 0 AND c.was_assigned AND (s > 2 OR c.responded) THEN c.agent_id END,
       CASE WHEN s = 1 OR s % 2 = 1 THEN 'Customer ' || c.i
            WHEN s = 2 AND NOT c.responded THEN 'Bot'
            WHEN c.was_assigned THEN 'Agent' ELSE 'Customer ' || c.i END,
       'text', 'Message ' || s || ' in conversation ' || c.i,
       CASE WHEN c.closed THEN 'read' ELSE 'delivered' END,
       ${AT('s')}
  FROM seed_conv c CROSS JOIN generate_series(1, $1::int) s
 ORDER BY 10`;

const SHAPE = `
WITH b AS (SELECT date_trunc('month', now() AT TIME ZONE $1) AT TIME ZONE $1 AS month_start,
                  date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1 AS day_start)
SELECT (SELECT count(*) FROM conversations WHERE status = 'open') AS open,
       (SELECT count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL) AS unattended,
       (SELECT count(*) FROM conversations, b WHERE first_assigned_at >= b.month_start) AS attended,
       (SELECT count(*) FROM conversations, b WHERE first_response_at >= b.month_start) AS responded,
       (SELECT count(*) FROM messages, b WHERE created_at >= b.day_start) AS today`;

export async function seed(
  c: Client,
  conversations: number,
  messagesPer: number,
  agentIds: string[],
  timeZone: string,
): Promise<SeedResult> {
  const t0 = Date.now();
  await c.query('SET synchronous_commit = off');
  await c.query("SET maintenance_work_mem = '256MB'");
  await c.query("SET work_mem = '256MB'");
  await c.query('BEGIN');
  await c.query('SELECT setseed(0.42)');
  await c.query(PLAN, [conversations, timeZone, agentIds]);
  await c.query(CONTACTS);
  await c.query(CONVERSATIONS, [messagesPer]);
  const { rowCount } = await c.query(MESSAGES, [messagesPer]);
  await c.query('COMMIT');
  const insertMs = Date.now() - t0;
  // ANALYZE for the planner; VACUUM for the visibility map (index-only scans), as autovacuum would
  // eventually do on a live database, and so no vacuum starts in the middle of the measurement.
  const t1 = Date.now();
  await c.query('VACUUM (ANALYZE) contacts, conversations, conversation_activity, messages');
  const vacuumAnalyzeMs = Date.now() - t1;
  const { rows } = await c.query(SHAPE, [timeZone]);
  const r = rows[0];
  return {
    conversations,
    messages: rowCount ?? 0,
    insertMs,
    vacuumAnalyzeMs,
    shape: {
      open: +r.open,
      unattended: +r.unattended,
      attendedThisMonth: +r.attended,
      respondedThisMonth: +r.responded,
      messagesToday: +r.today,
    },
  };
}
