import { DataSource } from 'typeorm';
import { dataSourceOptions, migrations } from '../../src/app/database/data-source';
import { NotificationParams1796530000000 } from '../../src/app/database/migrations/1796530000000-notification-params';
import { entities } from '../../src/app/entities';
import { createTestDatabase } from '../support/test-database';
import { loadEnv } from '../../src/app/config/app-config';

describe('migrations', () => {
  it('bring an empty database to exactly the schema the entities describe (no pending migration)', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource({ ...dataSourceOptions(db.url, entities, loadEnv({})), migrationsRun: false });
    try {
      await ds.initialize();
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran.length).toBe(ds.migrations.length);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('keep the notifications stored as English text, as a type and parameters each reader sees in their language', async () => {
    const db = await createTestDatabase();
    const before = migrations.filter((m) => m !== NotificationParams1796530000000);
    const at = (list: typeof migrations) =>
      new DataSource({ ...dataSourceOptions(db.url, entities, loadEnv({})), migrations: list, migrationsRun: false });
    const old = at(before);
    try {
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      const [user] = await old.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ('a@x.io', 'Ana', 'agent', 'x') RETURNING id`,
      );
      const stored: [string, string, string, object][] = [
        [
          'conversation.created',
          'New conversation with Nora',
          'A new WhatsApp conversation is waiting',
          { channel: 'whatsapp' },
        ],
        ['conversation.assigned', 'Olga was assigned to you', 'Open it to reply', {}],
        ['campaign.failed', 'Campaign "Rebajas" failed', 'template paused', { sent: 2, failed: 5 }],
      ];
      for (const [type, title, body, data] of stored)
        await old.query(
          `INSERT INTO notifications (user_id, event_id, type, title, body, data) VALUES ($1, $2, $3, $4, $5, $6)`,
          [user.id, type, type, title, body, JSON.stringify(data)],
        );
    } finally {
      await old.destroy();
    }
    const now = at(migrations);
    try {
      await now.initialize();
      await now.runMigrations({ transaction: 'each' });
      const rows: { type: string; params: object }[] = await now.query(
        `SELECT type, params FROM notifications ORDER BY type`,
      );
      expect(rows).toEqual([
        { type: 'campaign.failed', params: { campaignName: 'Rebajas', sent: 2, failed: 5, error: 'template paused' } },
        { type: 'conversation.assigned', params: { contactName: 'Olga', preview: null } },
        { type: 'conversation.created', params: { contactName: 'Nora', channel: 'whatsapp', subject: null } },
      ]);
    } finally {
      await now.destroy();
      await db.drop();
    }
  });
});
