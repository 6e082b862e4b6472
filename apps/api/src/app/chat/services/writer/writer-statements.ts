import { conversationColumns } from '../../mappers/conversation.mapper';
import { MESSAGE_COLUMNS } from '../../mappers/message.mapper';

/**
 * Locks the batch's conversations and reads, with each row, its read cursors, whether some send
 * of the batch is a resend, and the transaction's time. A cursor's role is looked up by key: as a
 * join, an un-analyzed `users` was scanned whole for every conversation (with 500 agents, a
 * 20-conversation lock took 4 ms instead of 2.5). The statement is planned once per connection
 * (generic plan) and kept while the tables grow, so every table in it is reached by a lookup
 * whatever the statistics say: the contact and each resend check are subqueries with LIMIT,
 * which PostgreSQL does not turn into joins (as joins, a plan made from the statistics of nearly
 * empty tables walked every message and contact for each conversation it locked). The resends
 * are found once per batch (a hashed subplan: one lookup per send), not once per conversation:
 * checked against every send of the batch, a 500-send lock spent 20–40 ms on that alone, so
 * each batch an overload made bigger took longer still and the writer fell further behind.
 * Parameters: $1 the conversations, $2/$3 each send's conversation and clientMessageId.
 */
const LOCK_SQL = `SELECT ${conversationColumns},
          (SELECT COALESCE(json_agg(json_build_object('participant_id', r.participant_id, 'last_read_seq', r.last_read_seq,
                                                      'role', (SELECT u.role FROM users u WHERE u.id = r.participant_id))), '[]')
             FROM conversation_reads r WHERE r.conversation_id = c.id) AS read_cursors,
          c.id IN (SELECT k.conversation_id FROM unnest($2::uuid[], $3::varchar[]) AS k(conversation_id, client_message_id)
                    WHERE (SELECT true FROM messages m WHERE m.conversation_id = k.conversation_id AND m.client_message_id = k.client_message_id LIMIT 1)) AS has_resends,
          now() AS tx_now
     FROM conversations c
     JOIN LATERAL (SELECT name, phone, email, last_inbound_at FROM contacts WHERE id = c.contact_id LIMIT 1) ct ON true
    WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`;

/** The message columns a batch inserts, each an array parameter (`unnest` of typed arrays). */
const INSERTED = MESSAGE_COLUMNS.filter((c) => c.inserted);
type InsertedColumn = (typeof INSERTED)[number]['name'];

/** Everything else the write statement takes, by name, with its element type. */
const OTHER_PARAMETERS = {
  provider_message_id: 'varchar',
  touched_id: 'uuid',
  touched_last_seq: 'int',
  touched_added: 'int',
  touched_preview: 'varchar',
  touched_status: 'varchar',
  touched_reopened: 'bool',
  touched_first_response: 'bool',
  read_conversation_id: 'uuid',
  read_participant_id: 'uuid',
  read_seq: 'int',
  inbound_contact_id: 'uuid',
  referenced_attachment_id: 'uuid',
} as const;

export type WriteParameter = InsertedColumn | keyof typeof OTHER_PARAMETERS;

/** The write statement's parameters in order: one array each. */
export const WRITE_PARAMETERS: readonly { name: WriteParameter; type: string }[] = [
  ...INSERTED.map((c) => ({ name: c.name, type: c.type })),
  ...Object.entries(OTHER_PARAMETERS).map(([name, type]) => ({ name: name as WriteParameter, type })),
];

/** `$n::type[]` of a named parameter. */
const $ = (name: WriteParameter): string => {
  const index = WRITE_PARAMETERS.findIndex((p) => p.name === name);
  return `$${index + 1}::${WRITE_PARAMETERS[index].type}[]`;
};

/**
 * One statement: the messages, the conversations' new state, the writers' read cursors, the
 * contacts' window and the uploads the messages take. Every now() in it is the transaction's,
 * `tx_now`. A pending widget conversation starts (`created_at`), for staff and the figures, with its
 * contact's first message. `c.id = ANY(…)` repeats the join condition so the conversations are found by key even
 * by a plan that joins them late.
 */
const WRITE_SQL = `WITH touched AS (
     UPDATE conversations c SET
       last_seq = v.last_seq, version = c.version + v.added, last_message_at = now(), last_activity_at = now(),
       last_message_preview = v.preview, status = v.status,
       reopened_at = CASE WHEN v.reopened THEN now() ELSE c.reopened_at END,
       created_at = CASE WHEN c.status = 'pending' AND v.status = 'open' THEN now() ELSE c.created_at END,
       first_response_at = CASE WHEN v.first_response THEN now() WHEN v.reopened THEN NULL ELSE c.first_response_at END
      FROM unnest(${$('touched_id')}, ${$('touched_last_seq')}, ${$('touched_added')}, ${$('touched_preview')},
                  ${$('touched_status')}, ${$('touched_reopened')}, ${$('touched_first_response')})
           AS v(id, last_seq, added, preview, status, reopened, first_response)
     WHERE c.id = v.id AND c.id = ANY(${$('touched_id')})),
   reads AS (
     INSERT INTO conversation_reads (conversation_id, participant_id, last_read_seq)
     SELECT * FROM unnest(${$('read_conversation_id')}, ${$('read_participant_id')}, ${$('read_seq')})
     ON CONFLICT (conversation_id, participant_id) DO UPDATE
       SET last_read_seq = GREATEST(conversation_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()),
   inbound AS (UPDATE contacts SET last_inbound_at = now() WHERE id = ANY(${$('inbound_contact_id')})),
   uploads AS (UPDATE attachments SET referenced_at = COALESCE(referenced_at, now()) WHERE id = ANY(${$('referenced_attachment_id')}))
   INSERT INTO messages (${INSERTED.map((c) => c.name).join(', ')}, provider_message_id, created_at)
   SELECT *, now() FROM unnest(${[...INSERTED.map((c) => $(c.name)), $('provider_message_id')].join(', ')})`;

/** The two statements of a batch; exported for the test that checks how PostgreSQL plans them. */
export const STATEMENTS = { lock: LOCK_SQL, write: WRITE_SQL };

/** The write statement's parameter values, in order, from arrays given by name. */
export function writeValues(values: Record<WriteParameter, unknown[]>): unknown[][] {
  return WRITE_PARAMETERS.map((p) => values[p.name]);
}
