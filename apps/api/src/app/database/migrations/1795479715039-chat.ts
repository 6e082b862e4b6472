import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Chat1795479715039 implements MigrationInterface {
  name = 'Chat1795479715039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "phone" character varying(32), "email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_contacts_phone" ON "contacts"  ("phone") WHERE phone IS NOT NULL');
    await q.query(
      'CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying(8) NOT NULL DEFAULT \'open\', "channel" character varying(16) NOT NULL, "subject" character varying(200), "external_ref" character varying(200), "contact_id" uuid NOT NULL, "assignee_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_assigned_at" TIMESTAMP WITH TIME ZONE, "first_response_at" TIMESTAMP WITH TIME ZONE, "reopened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "last_message_at" TIMESTAMP WITH TIME ZONE, "last_message_preview" character varying(200), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seq" integer NOT NULL DEFAULT \'0\', "version" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_conversations_contact" ON "conversations"  ("contact_id") ');
    await q.query(
      'CREATE INDEX "ix_conversations_assignee_activity" ON "conversations"  ("assignee_id", "last_activity_at", "id") ',
    );
    await q.query(
      'CREATE INDEX "ix_conversations_status_activity" ON "conversations"  ("status", "last_activity_at", "id") ',
    );
    await q.query('CREATE INDEX "ix_conversations_activity" ON "conversations"  ("last_activity_at", "id") ');
    await q.query(
      'CREATE UNIQUE INDEX "uq_conversations_external_ref" ON "conversations"  ("external_ref") WHERE external_ref IS NOT NULL',
    );
    await q.query(
      'CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "seq" integer NOT NULL, "client_message_id" character varying(100), "sender_type" character varying(8) NOT NULL, "sender_id" uuid, "sender_name" character varying(120) NOT NULL, "type" character varying(8) NOT NULL DEFAULT \'text\', "content" text NOT NULL, "attachment" jsonb, "reply_to_id" uuid, "status" character varying(10) NOT NULL DEFAULT \'sent\', "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_messages_client_id" ON "messages"  ("conversation_id", "client_message_id") WHERE client_message_id IS NOT NULL',
    );
    await q.query('CREATE UNIQUE INDEX "uq_messages_conversation_seq" ON "messages"  ("conversation_id", "seq") ');
    await q.query(
      'CREATE TABLE "message_reactions" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "emoji" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5a1f46b4f33ce416f9c192ab29" PRIMARY KEY ("message_id", "user_id", "emoji"))',
    );
    await q.query(
      'CREATE TABLE "conversation_reads" ("conversation_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "last_read_seq" integer NOT NULL DEFAULT \'0\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea11ff4aa093422c410160f2a6c" PRIMARY KEY ("conversation_id", "participant_id"))',
    );
    await q.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_3e605129623b629ddd0583740db" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversations" ADD CONSTRAINT "FK_eb33c4841a61e998a8c906fbcf1" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "message_reactions" ADD CONSTRAINT "FK_ce61e365d81a9dfc15cd36513b0" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversation_reads" ADD CONSTRAINT "FK_25d515c61b895dc8d16c4a74ca0" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "conversation_reads" DROP CONSTRAINT "FK_25d515c61b895dc8d16c4a74ca0"');
    await q.query('ALTER TABLE "message_reactions" DROP CONSTRAINT "FK_ce61e365d81a9dfc15cd36513b0"');
    await q.query('ALTER TABLE "messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"');
    await q.query('ALTER TABLE "conversations" DROP CONSTRAINT "FK_eb33c4841a61e998a8c906fbcf1"');
    await q.query('ALTER TABLE "conversations" DROP CONSTRAINT "FK_3e605129623b629ddd0583740db"');
    await q.query('DROP TABLE "conversation_reads"');
    await q.query('DROP TABLE "message_reactions"');
    await q.query('DROP INDEX "public"."uq_messages_conversation_seq"');
    await q.query('DROP INDEX "public"."uq_messages_client_id"');
    await q.query('DROP TABLE "messages"');
    await q.query('DROP INDEX "public"."uq_conversations_external_ref"');
    await q.query('DROP INDEX "public"."ix_conversations_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_status_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_assignee_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_contact"');
    await q.query('DROP TABLE "conversations"');
    await q.query('DROP INDEX "public"."uq_contacts_phone"');
    await q.query('DROP TABLE "contacts"');
  }
}
