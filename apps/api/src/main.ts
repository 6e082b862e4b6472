import 'reflect-metadata';
import { startServer } from './app/server';
import { ConfigError } from './app/config/app-config';
import { printStartBanner } from './app/start-banner';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const server = await startServer();
  printStartBanner(server, Date.now() - startedAt);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received: closing connections and stopping the database…\n`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  // A bad environment is one clear line, not a stack trace.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
