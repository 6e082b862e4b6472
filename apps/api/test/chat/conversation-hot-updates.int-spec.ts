import type { Conversation } from '@switchboard/contracts';
import { Client } from 'pg';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, type Staff } from './chat-fixture';

interface UpdateCounts {
  upd: number;
  hot: number;
}

/**
 * Every message rewrites its conversation's row (last activity, preview, seq, version). Those
 * writes must stay HOT (in place, no index entries), or a busy inbox bloats every conversations
 * index with each message; the inbox still lists by last activity.
 */
describe('conversations: a message updates its conversation in place (HOT)', () => {
  let app: TestApp;
  let agent: Staff;
  let stats: Client;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    agent = await app.createUser('agent', 'Hana Agent');
    stats = new Client({ connectionString: app.db.url });
    await stats.connect();
  });
  afterAll(async () => {
    await stats.end();
    await app.close();
  });

  // Each backend flushes its table statistics itself, at most once a second and within ~10 s when
  // idle; pg_stat_force_next_flush() only reaches the caller's own backend, not the api's pool.
  const counts = async (): Promise<UpdateCounts> => {
    const { rows } = await stats.query<{ upd: string; hot: string }>(
      `SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'conversations'`,
    );
    return { upd: Number(rows[0].upd), hot: Number(rows[0].hot) };
  };
  const settled = async (atLeast: number): Promise<UpdateCounts> => {
    let last: UpdateCounts = { upd: 0, hot: 0 };
    await eventually(async () => {
      last = await counts();
      expect(last.upd).toBeGreaterThanOrEqual(atLeast);
    }, 25_000);
    return last;
  };

  it('60 customer messages to one conversation: ≥ 90% of its row updates are HOT, and it leads the inbox', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Hugo Hot');
    const id = widget.conversation.id;
    const other = await startAnnouncedWidgetChat(app, 'Olivia Other');
    const customer = await joinedSocket(app, widget.contactToken, id);
    const before = await settled(0);
    const N = 60;
    for (let i = 1; i <= N; i++) expect(await say(customer, id, `Mensaje número ${i}`)).toMatchObject({ ok: true });
    const after = await settled(before.upd + N);
    const upd = after.upd - before.upd;
    const hot = after.hot - before.hot;
    expect(upd).toBeGreaterThanOrEqual(N);
    expect(hot).toBeGreaterThanOrEqual(Math.ceil(0.9 * upd));

    // The activity order moved with the messages: the older conversation is listed first again.
    const inbox = (
      await app.http<{ items: Conversation[] }>('GET', '/api/conversations?sort=lastActivity', {
        token: agent.token,
      })
    ).body.items;
    expect(inbox.map((c) => c.id).slice(0, 2)).toEqual([id, other.conversation.id]);
    expect(inbox[0]).toMatchObject({ lastSeq: N + 1, lastMessagePreview: `Mensaje número ${N}` });
    customer.close();
  }, 90_000);
});
