import { Client } from 'pg';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';

/** The PostgreSQL `npm start` runs when no DATABASE_URL is given. */
describe('embedded PostgreSQL', () => {
  let pg: OwnPostgres;
  beforeAll(async () => {
    pg = await startOwnPostgres();
  }, 90_000);
  afterAll(() => pg.destroy());

  it('creates new WAL segments without zero-filling them, so commits do not wait for 16 MB of zeros', async () => {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ wal_init_zero: string }>('SHOW wal_init_zero');
      expect(rows[0].wal_init_zero).toBe('off');
      // Durability is otherwise PostgreSQL's default.
      const fsync = await client.query<{ fsync: string }>('SHOW fsync');
      expect(fsync.rows[0].fsync).toBe('on');
    } finally {
      await client.end();
    }
  });
});
