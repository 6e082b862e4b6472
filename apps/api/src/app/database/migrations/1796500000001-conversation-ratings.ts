import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers' ratings of their closed conversations (CSAT): one per conversation. */
export class ConversationRatings1796500000001 implements MigrationInterface {
  name = 'ConversationRatings1796500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "conversation_ratings" ("conversation_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "agent_id" uuid, "score" smallint NOT NULL, "comment" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_conversation_ratings_score" CHECK (score BETWEEN 1 AND 5), CONSTRAINT "PK_e29cdca56fafcbd335a8ca02a23" PRIMARY KEY ("conversation_id"))',
    );
    await q.query('CREATE INDEX "ix_conversation_ratings_created" ON "conversation_ratings"  ("created_at") ');
    await q.query(
      'ALTER TABLE "conversation_ratings" ADD CONSTRAINT "FK_e29cdca56fafcbd335a8ca02a23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "conversation_ratings" DROP CONSTRAINT "FK_e29cdca56fafcbd335a8ca02a23"');
    await q.query('DROP INDEX "public"."ix_conversation_ratings_created"');
    await q.query('DROP TABLE "conversation_ratings"');
  }
}
