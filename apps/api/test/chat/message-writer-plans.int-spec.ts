import { DataSource } from 'typeorm';
import { INDEXED_PLANS } from '../../src/app/chat/services/batch-transactions';
import { STATEMENTS } from '../../src/app/chat/services/message-writer';
import { pgPoolOf } from '../../src/app/database/pg-pool';
import { startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from './chat-fixture';

/**
 * The writer plans its two statements once per connection and keeps that plan for as long as the
 * connection lives, while `messages` grows from nothing. A plan that scans a table would get
 * slower with every message stored, so on this fresh database, whose tables are as small as they
 * get (and where PostgreSQL would scan them all), neither statement may scan any table.
 */
describe('message writer: plans that stay fast as the tables grow', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.server.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('reads every table by index, from the first message on', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    expect((await say(customer, id, 'the first message of a new database')).ok).toBe(true);

    const client = await pgPoolOf(db).connect();
    try {
      await client.query(`BEGIN; ${INDEXED_PLANS}`);
      await client.query(`PREPARE plan_lock AS ${STATEMENTS.lock}; PREPARE plan_write AS ${STATEMENTS.write}`);
      const explain = async (sql: string) => ((await client.query(`EXPLAIN ${sql}`)).rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      const lock = await explain(`EXECUTE plan_lock('{${id}}', '{${id}}', '{resend}')`);
      const write = await explain(`EXECUTE plan_write(${Array.from({ length: 26 }, () => `'{}'`).join(', ')})`);
      expect(lock).toContain('messages');
      expect(lock).not.toContain('Seq Scan');
      expect(write).toContain('conversations');
      expect(write).not.toContain('Seq Scan');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
