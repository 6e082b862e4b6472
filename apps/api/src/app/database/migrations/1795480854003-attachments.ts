import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1795480854003 implements MigrationInterface {
  name = 'Attachments1795480854003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "uploader_id" uuid NOT NULL, "name" character varying(255) NOT NULL, "mime_type" character varying(200) NOT NULL, "size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_attachments_conversation" ON "attachments"  ("conversation_id") ');
    await q.query(
      'ALTER TABLE "attachments" ADD CONSTRAINT "FK_8c47112d73053bbb0ab481b420f" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "attachments" DROP CONSTRAINT "FK_8c47112d73053bbb0ab481b420f"');
    await q.query('DROP INDEX "public"."ix_attachments_conversation"');
    await q.query('DROP TABLE "attachments"');
  }
}
