import { DataSource } from 'typeorm';
import { collect, eventually, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from './chat-fixture';

/**
 * Group commit: sends that queue while a batch is being written wait up to MESSAGE_WRITE_LINGER_MS
 * for company before the next batch, so a busy writer commits fewer, larger transactions; a send
 * that finds the writer idle is written at once. The linger is a second here so both are plain to see.
 */
describe('message writer: lingering under load, not at rest', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000', MESSAGE_WRITE_LINGER_MS: '1000' });
    db = app.server.app.get(DataSource);
  });
  afterAll(() => app.close());

  /** Which transaction wrote each message of the conversation, in seq order. */
  const writers = (id: string): Promise<{ content: string; tx: string }[]> =>
    db.query(`SELECT content, xmin::text AS tx FROM messages WHERE conversation_id = $1 ORDER BY seq`, [id]);

  it('messages sent one after another to an idle writer are each written at once', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    await say(customer, id, 'warm-up');

    const started = Date.now();
    for (let i = 1; i <= 5; i++) expect((await say(customer, id, `at rest ${i}`)).ok).toBe(true);
    // Held for the linger, five would take five seconds.
    expect(Date.now() - started).toBeLessThan(1_000);
    const txs = (await writers(id)).map((m) => m.tx);
    expect(new Set(txs).size).toBe(6);
  });

  it('sends that queue behind a batch share one transaction with those that follow within the linger, in order', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const pushed = collect(customer, 'new_message');

    // The first batch waits on a row someone else holds, so the next send queues behind it.
    const holder = db.createQueryRunner();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [id]);
    const a = say(customer, id, 'A');
    await eventually(async () => {
      const waiting = await db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%message_writer_lock%'`,
      );
      expect(waiting).toHaveLength(1);
    });
    const b = say(customer, id, 'B');
    await new Promise((r) => setTimeout(r, 200));
    await holder.commitTransaction();
    await holder.release();

    expect(await a).toMatchObject({ ok: true, data: { message: { seq: 1 } } });
    // Without the linger B would be written the moment A committed, before these two were sent.
    const c = say(customer, id, 'C');
    const d = say(customer, id, 'D');
    const acks = await Promise.all([b, c, d]);
    expect(acks.map((x) => x.data.message.seq)).toEqual([2, 3, 4]);

    const stored = await writers(id);
    expect(stored.map((m) => m.content)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(stored.slice(1).map((m) => m.tx)).size).toBe(1);
    expect(stored[1].tx).not.toBe(stored[0].tx);
    await eventually(() => expect(pushed.map((m) => m.message.content)).toEqual(['A', 'B', 'C', 'D']));
  });
});
