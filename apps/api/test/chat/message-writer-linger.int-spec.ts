import { DataSource } from 'typeorm';
import { collect, eventually, startTestApp, type TestApp } from '../support/test-app';
import { customerInChat, say } from './chat-fixture';

/** Which transaction wrote each message of the conversation, in seq order. */
const writers = (db: DataSource, id: string): Promise<{ content: string; tx: string }[]> =>
  db.query(`SELECT content, xmin::text AS tx FROM messages WHERE conversation_id = $1 ORDER BY seq`, [id]);

/**
 * Makes the writer's first batch wait on a conversation row held elsewhere, sends `first` (that
 * batch) and then `queued` (which queue behind it), and lets the row go after 200 ms.
 */
async function queueBehindABatch(
  db: DataSource,
  customer: Parameters<typeof say>[0],
  id: string,
  first: string,
  queued: string[],
): Promise<{ first: ReturnType<typeof say>; queued: ReturnType<typeof say>[] }> {
  const holder = db.createQueryRunner();
  await holder.startTransaction();
  await holder.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [id]);
  const firstAck = say(customer, id, first);
  await eventually(async () => {
    const waiting = await db.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%message_writer_lock%'`,
    );
    expect(waiting).toHaveLength(1);
  });
  const queuedAcks = queued.map((content) => say(customer, id, content));
  await new Promise((r) => setTimeout(r, 200));
  await holder.commitTransaction();
  await holder.release();
  return { first: firstAck, queued: queuedAcks };
}

/**
 * A test app (started before the describe's tests, closed after them) whose writer lingers a whole
 * second once `from` sends queued behind a batch, so that waiting and not waiting are plain to see.
 */
function lingeringApp(from: number): { app: TestApp; db: DataSource } {
  const started = {} as { app: TestApp; db: DataSource };
  beforeAll(async () => {
    started.app = await startTestApp({
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
      MESSAGE_WRITE_LINGER_MS: '1000',
      MESSAGE_WRITE_LINGER_FROM: String(from),
    });
    started.db = started.app.server.app.get(DataSource);
  });
  afterAll(() => started.app.close());
  return started;
}

/**
 * Group commit: when MESSAGE_WRITE_LINGER_FROM or more sends queue while a batch is being written,
 * the next batch waits up to MESSAGE_WRITE_LINGER_MS for company, so a busy writer commits fewer,
 * larger transactions; a send that finds the writer idle is written at once.
 */
describe('message writer: lingering under load, not at rest', () => {
  const lingering = lingeringApp(1);

  it('messages sent one after another to an idle writer are each written at once', async () => {
    const { id, customer } = await customerInChat(lingering.app);
    await say(customer, id, 'warm-up');

    const started = Date.now();
    for (let i = 1; i <= 5; i++) expect((await say(customer, id, `at rest ${i}`)).ok).toBe(true);
    // Held for the linger, five would take five seconds.
    expect(Date.now() - started).toBeLessThan(1_000);
    const txs = (await writers(lingering.db, id)).map((m) => m.tx);
    expect(new Set(txs).size).toBe(6);
  });

  it('sends that queue behind a batch share one transaction with those that follow within the linger, in order', async () => {
    const { id, customer } = await customerInChat(lingering.app);
    const pushed = collect(customer, 'new_message');

    // The first batch waits on a row someone else holds, so the next send queues behind it.
    const {
      first: a,
      queued: [b],
    } = await queueBehindABatch(lingering.db, customer, id, 'A', ['B']);

    expect(await a).toMatchObject({ ok: true, data: { message: { seq: 1 } } });
    // Without the linger B would be written the moment A committed, before these two were sent.
    const c = say(customer, id, 'C');
    const d = say(customer, id, 'D');
    const acks = await Promise.all([b, c, d]);
    expect(acks.map((x) => x.data.message.seq)).toEqual([2, 3, 4]);

    const stored = await writers(lingering.db, id);
    expect(stored.map((m) => m.content)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(stored.slice(1).map((m) => m.tx)).size).toBe(1);
    expect(stored[1].tx).not.toBe(stored[0].tx);
    await eventually(() => expect(pushed.map((m) => m.message.content)).toEqual(['A', 'B', 'C', 'D']));
  });
});

/**
 * Fewer sends than MESSAGE_WRITE_LINGER_FROM queued behind a batch mean light load: they are
 * written as soon as it commits, without the linger, however long it is.
 */
describe('message writer: no linger for a short queue', () => {
  const lingering = lingeringApp(3);

  it('two sends queued behind a batch are written together the moment it commits', async () => {
    const { id, customer } = await customerInChat(lingering.app);

    const { first, queued } = await queueBehindABatch(lingering.db, customer, id, 'A', ['B', 'C']);
    const committedAt = Date.now();
    expect(await first).toMatchObject({ ok: true, data: { message: { seq: 1 } } });
    const acks = await Promise.all(queued);
    // With the linger they would wait a second for company.
    expect(Date.now() - committedAt).toBeLessThan(500);
    expect(acks.map((x) => x.data.message.seq)).toEqual([2, 3]);

    const stored = await writers(lingering.db, id);
    expect(stored.map((m) => m.content)).toEqual(['A', 'B', 'C']);
    expect(stored[1].tx).toBe(stored[2].tx);
    expect(stored[1].tx).not.toBe(stored[0].tx);
  });

  it('as many sends as MESSAGE_WRITE_LINGER_FROM queued behind a batch linger for company', async () => {
    const { id, customer } = await customerInChat(lingering.app);

    const { first, queued } = await queueBehindABatch(lingering.db, customer, id, 'A', ['B', 'C', 'D']);
    expect(await first).toMatchObject({ ok: true, data: { message: { seq: 1 } } });
    // Within the linger, E joins the batch of the three that queued.
    const e = say(customer, id, 'E');
    const acks = await Promise.all([...queued, e]);
    expect(acks.map((x) => x.data.message.seq)).toEqual([2, 3, 4, 5]);

    const stored = await writers(lingering.db, id);
    expect(stored.map((m) => m.content)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(new Set(stored.slice(1).map((m) => m.tx)).size).toBe(1);
  });
});
