import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bot1796035592565 implements MigrationInterface {
  name = 'Bot1796035592565';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "bot_settings" ("id" smallint NOT NULL DEFAULT \'1\', "enabled" boolean NOT NULL DEFAULT false, "greeting" text NOT NULL, "out_of_hours_reply" text NOT NULL, "time_zone" character varying(64) NOT NULL, "business_hours" jsonb NOT NULL, "handoff_keywords" jsonb NOT NULL, "handoff_reply" text NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_bot_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_a8e69c58c55e348bdb4930d0770" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "bot_conversations" ("conversation_id" uuid NOT NULL, "handed_off_at" TIMESTAMP WITH TIME ZONE, "human_replied_at" TIMESTAMP WITH TIME ZONE, "out_of_hours_period" character varying(32), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_455d48c66af1835d9b1917ac2b2" PRIMARY KEY ("conversation_id"))',
    );
    await q.query(
      'ALTER TABLE "bot_conversations" ADD CONSTRAINT "FK_455d48c66af1835d9b1917ac2b2" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "bot_conversations" DROP CONSTRAINT "FK_455d48c66af1835d9b1917ac2b2"');
    await q.query('DROP TABLE "bot_conversations"');
    await q.query('DROP TABLE "bot_settings"');
  }
}
