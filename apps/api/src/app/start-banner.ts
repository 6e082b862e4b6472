import type { RunningServer } from './server';

export function printStartBanner(server: RunningServer, elapsedMs: number): void {
  const { config, firstAdmin } = server;
  const lines = [
    '',
    `  Switchboard is running at ${server.url}  (started in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Database: ${config.env.DATABASE_URL ? 'external (DATABASE_URL)' : `embedded PostgreSQL in ${config.env.DATA_DIR}`}`,
    `  Realtime: ${config.env.REDIS_URL ? 'Redis adapter (REDIS_URL)' : 'single node, in memory'}`,
    `  API docs: ${server.url}/api/docs`,
  ];
  if (firstAdmin) {
    lines.push(
      '',
      `  First admin created. Log in as ${firstAdmin.email}`,
      firstAdmin.password
        ? `  with the password ${firstAdmin.password}  (shown once: write it down)`
        : '  with the ADMIN_PASSWORD you set.',
    );
  }
  // Last and framed, so it is the thing a person sees when the start has finished.
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = `  ${'─'.repeat(width)}`;
  process.stdout.write(['', rule, ...lines.filter((l, i) => i > 0 || l !== ''), rule, ''].join('\n') + '\n');
}
