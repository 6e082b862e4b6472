import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import type { Message } from '@switchboard/contracts';
import { connected, emitAck, eventually, nextEventWhere, startTestApp, type TestApp } from '../support/test-app';
import { say, startWidgetChat, type Staff } from '../chat/chat-fixture';

/** A hundred races take a few seconds alone and much longer on a busy 2-core machine; the count is the point, not the time. */
const RACES_TIMEOUT_MS = 180_000;

/**
 * The race of a join against a reassignment, run many times: an agent's socket joins a conversation
 * while an admin assigns it to another agent. Whichever comes first, once the assignment has
 * committed the first agent's socket receives nothing of that conversation.
 */
describe('rooms follow access: a reassignment racing a join never leaks the conversation', () => {
  let app: TestApp;
  let admin: string;
  let first: Staff;
  let second: Staff;
  let firstSocket: Socket;
  let secondSocket: Socket;
  /** Holds the conversation's row in a transaction of its own. */
  let db: Client;
  /**
   * Looks at who waits, outside that transaction: PostgreSQL shows a transaction one snapshot of
   * pg_stat_activity, taken when it first looks, so polled from inside it never sees a new waiter.
   */
  let watcher: Client;
  const leaked: { conversationId: string; content: string }[] = [];
  /** Joins that were in the room when the assignment came, so the eviction itself took them out. */
  let joinsEvicted = 0;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '100000', RATE_LIMIT_JOINS_PER_SECOND: '100000' });
    admin = await app.adminToken();
    first = await app.createUser('agent', 'First');
    second = await app.createUser('agent', 'Second');
    firstSocket = await connected(app.socket('/chat', { token: first.token }));
    secondSocket = await connected(app.socket('/chat', { token: second.token }));
    db = new Client({ connectionString: app.db.url });
    await db.connect();
    watcher = new Client({ connectionString: app.db.url });
    await watcher.connect();
  });
  afterAll(async () => {
    await db.end();
    await watcher.end();
    await app.close();
  });

  /** Resolves once `n` statements of the api are blocked by a lock in this database. */
  const waitingForLocks = (n: number) =>
    eventually(async () => {
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND cardinality(pg_blocking_pids(pid)) > 0`,
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(n);
    }, 15_000);

  /** Every frame the server sent the first agent before this has arrived when it resolves. */
  const drained = (socket: Socket) =>
    emitAck(socket, 'leave_conversation', { conversationId: '00000000-0000-4000-8000-000000000000' });

  async function race(order: 'join first' | 'assign first' | 'free'): Promise<void> {
    const widget = await startWidgetChat(app, `Race ${order}`);
    const id = widget.conversation.id;
    const contact = await connected(app.socket('/chat', { token: widget.contactToken }));
    await emitAck(contact, 'join_conversation', { conversationId: id });
    await emitAck(secondSocket, 'join_conversation', { conversationId: id });

    // The join may wait behind the held row as long as the assignment takes to queue up (see waitingForLocks).
    const join = () => emitAck(firstSocket, 'join_conversation', { conversationId: id }, 20_000);
    const assign = () =>
      app.http('POST', `/api/conversations/${id}/assign`, { token: admin, body: { agentId: second.user.id } });
    let outcome: [{ ok: boolean }, { status: number }];
    if (order === 'free') {
      outcome = await Promise.all([join(), assign()]);
    } else {
      // Hold the conversation's row, queue the two in the chosen order behind it, then let go.
      await db.query('BEGIN');
      await db.query('SELECT id FROM conversations WHERE id = $1 FOR UPDATE', [id]);
      let joined: Promise<{ ok: boolean }> | undefined;
      let assigned: Promise<{ status: number }> | undefined;
      try {
        if (order === 'join first') {
          joined = join();
          await waitingForLocks(1);
          assigned = assign();
          await waitingForLocks(2);
        } else {
          assigned = assign();
          await waitingForLocks(1);
          joined = join();
          await waitingForLocks(2);
        }
      } catch (err) {
        // Let go of the row, so that the races after this one are not stuck behind it too.
        await db.query('ROLLBACK');
        await Promise.allSettled([joined, assigned]);
        throw err;
      }
      await db.query('COMMIT');
      outcome = await Promise.all([joined, assigned]);
    }
    expect(outcome[1].status).toBe(200);
    if (order === 'assign first') expect(outcome[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (order === 'join first') {
      // The join is in the room before the assignment can commit; its history is read just after,
      // and on a busy machine the assignment may commit in between: then the join is refused and
      // leaves the room itself. Either way the first agent must not hear of the conversation again.
      const joined = outcome[0] as { ok: boolean; error?: { code: string } };
      expect(joined.ok ? 'in the room' : joined.error?.code).toMatch(/^(in the room|forbidden)$/);
      if (joined.ok) joinsEvicted++;
    }

    // After the assignment committed, the customer writes: the second agent gets it, the first never.
    const content = `after ${order} ${id}`;
    const reached = nextEventWhere<{ message: Message }>(
      secondSocket,
      'new_message',
      (p) => p.message.content === content,
    );
    expect((await say(contact, id, content)).ok).toBe(true);
    await reached;
    await drained(firstSocket);
    contact.disconnect();
  }

  beforeEach(() => {
    leaked.length = 0;
    firstSocket.on('new_message', (p: { message: Message }) =>
      leaked.push({ conversationId: p.message.conversationId, content: p.message.content }),
    );
    firstSocket.on('typing_status', (p: { conversationId: string }) =>
      leaked.push({ conversationId: p.conversationId, content: 'typing' }),
    );
  });
  afterEach(() => {
    firstSocket.off('new_message');
    firstSocket.off('typing_status');
  });

  it(
    'join first, then the assignment: 100 times, the first agent is taken out of the room before the assignment commits',
    async () => {
      for (let i = 0; i < 100; i++) await race('join first');
      expect(leaked).toEqual([]);
      expect(joinsEvicted).toBeGreaterThan(50);
    },
    RACES_TIMEOUT_MS,
  );

  it(
    'the assignment first, then the join: 100 times, the join is refused',
    async () => {
      for (let i = 0; i < 100; i++) await race('assign first');
      expect(leaked).toEqual([]);
    },
    RACES_TIMEOUT_MS,
  );

  it(
    'both at once, unordered: 150 times, nothing leaks',
    async () => {
      for (let i = 0; i < 150; i++) await race('free');
      expect(leaked).toEqual([]);
    },
    RACES_TIMEOUT_MS,
  );
});
