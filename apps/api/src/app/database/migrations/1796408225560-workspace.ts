import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Spanish and English text search with accents removed first: "informacion" finds "información". */
const TEXT_SEARCH_CONFIGURATIONS = [
  ['switchboard_es', 'spanish', 'spanish_stem'],
  ['switchboard_en', 'english', 'english_stem'],
] as const;

/**
 * Lower case without the accents of the Latin languages Switchboard's teams write in, for trigram
 * matching (unaccent() is not immutable, so no index could use it). Translated before lower():
 * lower() of a non-ASCII letter depends on the database's locale, translate() does not. A plain
 * SQL expression, so PostgreSQL inlines it (a function call per row would cost more than the match).
 */
const FOLD = `CREATE OR REPLACE FUNCTION sb_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(t, 'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇçÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy'))
$$`;

/** A time's day (UTC) as a number, for the message index: search reads the last days' matches first. */
const DAY = `CREATE OR REPLACE FUNCTION sb_day(t timestamptz) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(day FROM t - timestamptz '2000-01-01 00:00:00+00')::int
$$`;

/**
 * What contact search matches: the folded name, the email, and the phone's digits (a fragment such as "0001234" finds "+1 555 000 1234"). `public.` because PostgreSQL 17 builds
 * indexes with an empty search path, where an unqualified sb_fold is not found.
 */
const CONTACT_TEXT = `CREATE OR REPLACE FUNCTION sb_contact_text(name text, email text, phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.sb_fold(name) || ' ' || COALESCE(lower(email), '') || ' ' || COALESCE(translate(phone, '+-(). /', ''), '')
$$`;

const SUBJECT_DOCUMENT = `(to_tsvector('switchboard_en'::regconfig, subject) || to_tsvector('switchboard_es'::regconfig, subject))`;
const STILL_WAITING = `(status <> 'open' OR first_response_at IS NOT NULL)`;
const WAITING_SINCE = `(CASE WHEN status = 'open' AND first_response_at IS NULL THEN COALESCE(reopened_at, created_at) ELSE last_activity_at END)`;

/**
 * The agent workspace: labels, canned replies, contact merges and search. The parts TypeORM
 * cannot express are written by hand: the extensions, the text search configurations, the
 * folding functions and the expression indexes (entities name them with `synchronize: false`
 * where TypeORM would otherwise see part of them).
 *
 * Adding `messages.search_document` rewrites the messages table (a generated column is computed
 * for every row): about 40 s per million messages on a 2-core machine, during which messages
 * cannot be written.
 */
export class Workspace1796408225560 implements MigrationInterface {
  name = 'Workspace1796408225560';

  async up(q: QueryRunner): Promise<void> {
    // The order is the one already run on every database, and each step needs those before it
    // (the functions before the indexes that call them, the columns before their keys).
    await this.createSearchSupport(q);
    await this.createLabelsAndCannedResponses(q);
    await this.addContactMerges(q);
    await this.addMessageSearchDocument(q);
    await this.addTypeOrmIndexesAndForeignKeys(q);
    await this.createExpressionIndexes(q);
  }

  /** Extensions, text search configurations and folding functions: what the tables and indexes below use. */
  private async createSearchSupport(q: QueryRunner): Promise<void> {
    // All three are "trusted" extensions: a database owner may create them without being superuser.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    for (const [name, copy, stemmer] of TEXT_SEARCH_CONFIGURATIONS) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copy})`);
      await q.query(
        `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, ${stemmer}`,
      );
    }
    await q.query(FOLD);
    await q.query(CONTACT_TEXT);
    await q.query(DAY);
  }

  private async createLabelsAndCannedResponses(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "labels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "color" character varying(7) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0c4e97f76f1f3a268c7a70b925" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE TABLE "conversation_labels" ("conversation_id" uuid NOT NULL, "label_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_312f64dbdf93b42730b72b71ba2" PRIMARY KEY ("conversation_id", "label_id"))',
    );
    await q.query(
      'CREATE INDEX "ix_conversation_labels_label" ON "conversation_labels"  ("label_id", "conversation_id") ',
    );
    await q.query(
      'CREATE TABLE "canned_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "short_code" character varying(32) NOT NULL, "content" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1df87c74d99c463b1c7fb30dc14" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_canned_responses_short_code" ON "canned_responses"  ("short_code") ');
  }

  private async addContactMerges(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "contacts" ADD "merged_into" uuid');
    await q.query('ALTER TABLE "contacts" ADD "merged_at" TIMESTAMP WITH TIME ZONE');
  }

  private async addMessageSearchDocument(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE \"messages\" ADD \"search_document\" tsvector GENERATED ALWAYS AS (strip(to_tsvector('switchboard_en'::regconfig, content || ' ' || COALESCE(attachment ->> 'name', '')) || to_tsvector('switchboard_es'::regconfig, content || ' ' || COALESCE(attachment ->> 'name', '')))) STORED NOT NULL",
    );
    // TypeORM compares a generated column's expression with what it recorded here (by database name).
    await q.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'messages', 'GENERATED_COLUMN', 'search_document', $1)`,
      [
        "strip(to_tsvector('switchboard_en'::regconfig, content || ' ' || COALESCE(attachment ->> 'name', '')) || to_tsvector('switchboard_es'::regconfig, content || ' ' || COALESCE(attachment ->> 'name', '')))",
      ],
    );
  }

  /** What TypeORM generated for the entities, after the columns they refer to. */
  private async addTypeOrmIndexesAndForeignKeys(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "ix_contacts_merged_into" ON "contacts"  ("merged_into") WHERE merged_into IS NOT NULL',
    );
    await q.query('CREATE INDEX "ix_conversations_created" ON "conversations"  ("created_at", "id") ');
    await q.query(
      'ALTER TABLE "contacts" ADD CONSTRAINT "FK_9cdc84b33d09fe4c6e6bac19e4d" FOREIGN KEY ("merged_into") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversation_labels" ADD CONSTRAINT "FK_424ee9eb097bdc47eaa1164ed9c" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "conversation_labels" ADD CONSTRAINT "FK_5b4b5eb678eeb2ae0e76700f284" FOREIGN KEY ("label_id") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_3e9a18ccdb5f4a32d9214904f15" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  /** Expression indexes, which TypeORM cannot express. */
  private async createExpressionIndexes(q: QueryRunner): Promise<void> {
    // The messages' lexemes and their day (btree_gin): the matches of the last days are read without the older ones.
    // New entries wait in a pending list the insert that fills it flushes: at PostgreSQL's 4 MB that
    // stalled a batch of messages for 47 ms; at 512 kB flushes stay under 15 ms, for ~5% more per insert
    // (docs/benchmarks.md, Search).
    await q.query(
      `CREATE INDEX ix_messages_search ON messages USING gin (search_document, sb_day(created_at)) WITH (gin_pending_list_limit = 512)`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_labels_name ON labels (lower(name))`);
    await q.query(
      `CREATE INDEX ix_contacts_search ON contacts USING gin (sb_contact_text(name, email, phone) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX ix_contacts_name_order ON contacts (sb_fold(name), id)`);
    await q.query(`CREATE INDEX ix_contacts_email ON contacts (lower(email)) WHERE email IS NOT NULL`);
    // Partial: a conversation row is written again with every message (its last activity), and
    // most have neither subject nor externalRef, so most of those writes skip these two.
    await q.query(
      `CREATE INDEX ix_conversations_subject_search ON conversations USING gin (${SUBJECT_DOCUMENT}) WHERE subject IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_conversations_external_ref_search ON conversations USING gin (sb_fold(external_ref) gin_trgm_ops) WHERE external_ref IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_conversations_waiting ON conversations (${STILL_WAITING}, ${WAITING_SINCE}, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_conversations_waiting`);
    await q.query(`DROP INDEX ix_conversations_external_ref_search`);
    await q.query(`DROP INDEX ix_conversations_subject_search`);
    await q.query(`DROP INDEX ix_contacts_email`);
    await q.query(`DROP INDEX ix_contacts_name_order`);
    await q.query(`DROP INDEX ix_contacts_search`);
    await q.query(`DROP INDEX uq_labels_name`);
    await q.query('ALTER TABLE "canned_responses" DROP CONSTRAINT "FK_3e9a18ccdb5f4a32d9214904f15"');
    await q.query('ALTER TABLE "conversation_labels" DROP CONSTRAINT "FK_5b4b5eb678eeb2ae0e76700f284"');
    await q.query('ALTER TABLE "conversation_labels" DROP CONSTRAINT "FK_424ee9eb097bdc47eaa1164ed9c"');
    await q.query('ALTER TABLE "contacts" DROP CONSTRAINT "FK_9cdc84b33d09fe4c6e6bac19e4d"');
    await q.query(`DROP INDEX ix_messages_search`);
    await q.query('DROP INDEX "public"."ix_conversations_created"');
    await q.query('DROP INDEX "public"."ix_contacts_merged_into"');
    await q.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'messages' AND "name" = 'search_document'`,
    );
    await q.query('ALTER TABLE "messages" DROP COLUMN "search_document"');
    await q.query('ALTER TABLE "contacts" DROP COLUMN "merged_at"');
    await q.query('ALTER TABLE "contacts" DROP COLUMN "merged_into"');
    await q.query('DROP INDEX "public"."uq_canned_responses_short_code"');
    await q.query('DROP TABLE "canned_responses"');
    await q.query('DROP INDEX "public"."ix_conversation_labels_label"');
    await q.query('DROP TABLE "conversation_labels"');
    await q.query('DROP TABLE "labels"');
    await q.query(`DROP FUNCTION sb_day(timestamptz)`);
    await q.query(`DROP FUNCTION sb_contact_text(text, text, text)`);
    await q.query(`DROP FUNCTION sb_fold(text)`);
    for (const [name] of TEXT_SEARCH_CONFIGURATIONS) await q.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    // The extensions stay: other schemas of the database may have come to use them.
  }
}
