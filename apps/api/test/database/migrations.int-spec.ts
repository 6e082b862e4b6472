import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/app/database/data-source';
import { entities } from '../../src/app/entities';
import { createTestDatabase } from '../support/test-database';

describe('migrations', () => {
  it('bring an empty database to exactly the schema the entities describe (no pending migration)', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource({ ...dataSourceOptions(db.url, entities), migrationsRun: false });
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
});
