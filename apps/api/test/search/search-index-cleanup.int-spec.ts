import { Client } from 'pg';
import type { SearchResult } from '@switchboard/contracts';
import { SearchIndexCleanupJob } from '../../src/app/search/search-index-cleanup.job';
import { sleep, startTestApp, type TestApp } from '../support/test-app';
import { customerInChat, say } from '../chat/chat-fixture';

/**
 * New messages' search entries wait in the GIN index's pending list; a job merges it, off the
 * message writer's path, so no batch of chat messages has to.
 */
describe('search index cleanup', () => {
  let apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps) await app.close();
    apps = [];
  });

  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000', ...env });
    apps.push(app);
    return { app, job: app.server.app.get(SearchIndexCleanupJob) };
  };

  /** Customer messages, each with a word search can find. */
  const chat = async (app: TestApp, count: number, word: string) => {
    const { id, customer } = await customerInChat(app);
    for (let i = 0; i < count; i += 10)
      await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, (_, k) => say(customer, id, `${word} number ${i + k}`)),
      );
    customer.close();
    return id;
  };

  const found = async (app: TestApp, word: string) => {
    const res = await app.http<SearchResult>('GET', `/api/search?q=${word}&limit=5`, {
      token: await app.adminToken(),
    });
    expect(res.status).toBe(200);
    return res.body.messages.length;
  };

  it('merges what new messages left in the pending list, and the messages stay findable', async () => {
    const { app, job } = await start({ SEARCH_INDEX_CLEANUP_MS: '0' });
    await chat(app, 60, 'parcel');
    expect(await found(app, 'parcel')).toBe(5);
    expect(await job.run()).toBeGreaterThan(0);
    // Nothing new: nothing left to merge.
    expect(await job.run()).toBe(0);
    expect(await found(app, 'parcel')).toBe(5);
  });

  it('takes turns across nodes: a round skips while another node is merging', async () => {
    const { app, job } = await start({ SEARCH_INDEX_CLEANUP_MS: '0' });
    await chat(app, 20, 'invoice');
    // Another node's round, as PostgreSQL sees it: the same advisory lock held in a transaction.
    const other = new Client({ connectionString: app.db.url });
    await other.connect();
    try {
      await other.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('search-index-cleanup'))`);
      expect(await job.run()).toBe(-1);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    expect(await job.run()).toBeGreaterThan(0);
  });

  it('runs on its own every SEARCH_INDEX_CLEANUP_MS', async () => {
    const { app, job } = await start({ SEARCH_INDEX_CLEANUP_MS: '300' });
    await chat(app, 30, 'refund');
    await sleep(1_000);
    // The timer's rounds have merged everything already.
    expect(await job.run()).toBe(0);
    expect(await found(app, 'refund')).toBe(5);
  });
});
