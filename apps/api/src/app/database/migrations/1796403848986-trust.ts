import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Trust1796403848986 implements MigrationInterface {
  name = 'Trust1796403848986';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id" uuid NOT NULL, "is_contact" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_sessions_revoked" ON "sessions"  ("revoked_at") WHERE revoked_at IS NOT NULL');
    await q.query('CREATE INDEX "ix_sessions_subject_live" ON "sessions"  ("subject_id") WHERE revoked_at IS NULL');
    await q.query('ALTER TABLE "users" ADD "active" boolean NOT NULL DEFAULT true');
    await q.query('ALTER TABLE "users" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()');
    await q.query('ALTER TABLE "messages" ADD "private" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "attachments" ADD "referenced_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "ix_users_updated" ON "users"  ("updated_at") ');
    await q.query(
      'CREATE INDEX "ix_attachments_uploader_unreferenced" ON "attachments"  ("uploader_id") WHERE referenced_at IS NULL',
    );
    await q.query(
      'CREATE INDEX "ix_attachments_unreferenced" ON "attachments"  ("created_at") WHERE referenced_at IS NULL',
    );
    // Messages keep an attachment's plain address; the signed, expiring link is made whenever a message is read.
    await q.query(`UPDATE messages SET attachment = jsonb_set(attachment, '{url}', to_jsonb(split_part(attachment->>'url', '?', 1)))
                    WHERE attachment IS NOT NULL AND attachment->>'url' LIKE '%?%'`);
    // Uploads some message already carries are not the sweeper's.
    await q.query(`UPDATE attachments a SET referenced_at = a.created_at
                    WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = a.conversation_id AND m.attachment->>'url' = '/api/attachments/' || a.id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_attachments_unreferenced"');
    await q.query('DROP INDEX "public"."ix_attachments_uploader_unreferenced"');
    await q.query('DROP INDEX "public"."ix_users_updated"');
    await q.query('ALTER TABLE "attachments" DROP COLUMN "referenced_at"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "private"');
    await q.query('ALTER TABLE "users" DROP COLUMN "updated_at"');
    await q.query('ALTER TABLE "users" DROP COLUMN "active"');
    await q.query('DROP INDEX "public"."ix_sessions_subject_live"');
    await q.query('DROP INDEX "public"."ix_sessions_revoked"');
    await q.query('DROP TABLE "sessions"');
  }
}
