/**
 * Writes a migration for whatever the entities describe that the migrations do not yet create:
 *   npm run migration:generate -- AddSomething
 * Uses DATABASE_URL (a scratch database is created and dropped on it) or an embedded PostgreSQL.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { dataSourceOptions } from '../src/app/database/data-source';
import { entities } from '../src/app/entities';
import { startEmbeddedPostgres, type RunningDatabase } from '../src/app/database/embedded-postgres';
import { loadEnv } from '../src/app/config/app-config';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <PascalCaseName>');
  const external = process.env['DATABASE_URL'];
  const server: RunningDatabase = external
    ? { url: external, stop: async () => undefined }
    : await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'sb-migration-')));
  const scratch = `sb_migration_${Date.now()}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const url = new URL(server.url);
  url.pathname = `/${scratch}`;
  const ds = new DataSource({ ...dataSourceOptions(url.toString(), entities, loadEnv({})), migrationsRun: false });
  try {
    await ds.initialize();
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (queries: { query: string }[]) =>
      queries.map((x) => `    await q.query(${JSON.stringify(x.query)});`).join('\n');
    const file = join(
      __dirname,
      '../src/app/database/migrations',
      `${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`,
    );
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(q: QueryRunner): Promise<void> {\n${q(log.upQueries)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${q([...log.downQueries].reverse())}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}\nAdd ${className} to the migrations list in src/app/database/data-source.ts.`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
