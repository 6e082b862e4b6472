import { DataSource } from 'typeorm';
import { sqlLiteral } from '../../src/app/database/plain-queries';
import { collect, eventually, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from './chat-fixture';

/**
 * The message writer sends its statements as `EXECUTE` with literal arguments on a connection it
 * keeps between batches: what customers type must arrive byte for byte, and a lost connection
 * must cost nothing but the batch in flight.
 */
describe('message writer: literal arguments and its own connection', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    db = app.server.app.get(DataSource);
  });
  afterAll(() => app.close());

  const tricky = [
    `it's "quoted" and \\backslashed\\ \\" too`,
    'NULL',
    '{"a":1}, {b}, (c)',
    'línea uno\nlínea dos\ttab 🙂 ñandú',
    "'; DROP TABLE messages; --",
    "E'\\x41'",
  ];

  it('values of every shape read back from PostgreSQL as they were written', async () => {
    const [row] = await db.query(
      `SELECT ${sqlLiteral(tricky)}::text[] AS texts, ${sqlLiteral([1, null, 3])}::int[] AS ints, ${sqlLiteral([true, false])}::bool[] AS flags,
              ${sqlLiteral(null)}::text AS nothing, ${sqlLiteral(tricky[0])}::text AS one, ${sqlLiteral([JSON.stringify({ q: 'a"b\\c' }), null])}::jsonb[] AS docs,
              ${sqlLiteral([])}::uuid[] AS empty`,
    );
    expect(row).toEqual({
      texts: tricky,
      ints: [1, null, 3],
      flags: [true, false],
      nothing: null,
      one: tricky[0],
      docs: [{ q: 'a"b\\c' }, null],
      empty: [],
    });
    expect(() => sqlLiteral({ not: 'a scalar' })).toThrow(TypeError);
    expect(() => sqlLiteral([Number.NaN])).toThrow(TypeError);
  });

  it('what a customer types is stored and pushed exactly, whatever characters it holds', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const pushed = collect(customer, 'new_message');
    for (const content of tricky) {
      const ack = await say(customer, id, content);
      expect(ack.ok).toBe(true);
      expect(ack.data.message.content).toBe(content);
    }
    await eventually(() => expect(pushed.map((e) => e.message.content)).toEqual(tricky));
    const stored: { content: string }[] = await db.query(
      `SELECT content FROM messages WHERE conversation_id = $1 ORDER BY seq`,
      [id],
    );
    expect(stored.map((m) => m.content)).toEqual(tricky);
    const [conversation] = await db.query(`SELECT last_message_preview FROM conversations WHERE id = $1`, [id]);
    expect(conversation.last_message_preview).toBe(tricky.at(-1));
  });

  it('a writer connection killed between batches: the next message is stored on a new one, with the next seq', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    expect((await say(customer, id, 'before')).data.message.seq).toBe(1);

    const killed: { pid: number }[] = await db.query(
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%message_writer_write%'`,
    );
    expect(killed.length).toBeGreaterThan(0);

    const ack = await say(customer, id, 'after');
    expect(ack).toEqual({ ok: true, data: { message: expect.objectContaining({ seq: 2, content: 'after' }) } });
    const stored: { seq: number; content: string }[] = await db.query(
      `SELECT seq, content FROM messages WHERE conversation_id = $1 ORDER BY seq`,
      [id],
    );
    expect(stored).toEqual([
      { seq: 1, content: 'before' },
      { seq: 2, content: 'after' },
    ]);
    const pids: { pid: number }[] = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%message_writer_write%'`,
    );
    expect(pids.map((p) => p.pid)).not.toContain(killed[0].pid);
  });

  it('a writer connection lost while its batch waits for a lock: the batch is written again on a new one, nothing lost', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    await say(customer, id, 'first');
    // Someone else holds the conversation's row, so the writer's batch waits in its lock statement.
    const holder = db.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [id]);
    const sending = say(customer, id, 'second');
    let waiting: { pid: number }[] = [];
    await eventually(async () => {
      waiting = await db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%message_writer_lock%'`,
      );
      expect(waiting).toHaveLength(1);
    });
    await db.query(`SELECT pg_terminate_backend($1)`, [waiting[0].pid]);
    await holder.commitTransaction();
    await holder.release();

    expect(await sending).toEqual({
      ok: true,
      data: { message: expect.objectContaining({ seq: 2, content: 'second' }) },
    });
    const stored: { seq: number; content: string }[] = await db.query(
      `SELECT seq, content FROM messages WHERE conversation_id = $1 ORDER BY seq`,
      [id],
    );
    expect(stored).toEqual([
      { seq: 1, content: 'first' },
      { seq: 2, content: 'second' },
    ]);
  });
});
