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
      firstAdmin.password ? `  with the password ${firstAdmin.password}  (shown once: write it down)` : '  with the ADMIN_PASSWORD you set.',
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
