import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications were stored as English text, so a Spanish reader saw English. They are stored as
 * their type and parameters now; the parameters of stored rows are read back out of the English
 * titles, which were made from fixed templates (a title cut short keeps its whole text).
 */
export class NotificationParams1796530000000 implements MigrationInterface {
  name = 'NotificationParams1796530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE "notifications" SET "params" = CASE "type"
      WHEN 'conversation.created' THEN jsonb_build_object(
        'contactName', COALESCE(substring("title" from '^New conversation with (.*)$'), "title"),
        'channel', COALESCE("data"->>'channel', 'web'),
        'subject', CASE WHEN "body" ~ '^A new .* conversation is waiting$' THEN NULL ELSE "body" END)
      WHEN 'conversation.assigned' THEN jsonb_build_object(
        'contactName', COALESCE(substring("title" from '^(.*) was assigned to you$'), "title"),
        'preview', NULLIF("body", 'Open it to reply'))
      WHEN 'mention' THEN jsonb_build_object(
        'senderName', COALESCE(substring("title" from '^(.*) mentioned you$'), "title"), 'excerpt', "body")
      WHEN 'campaign.finished' THEN jsonb_build_object(
        'campaignName', COALESCE(substring("title" from '^Campaign "(.*)" finished$'), "title"),
        'sent', COALESCE(("data"->>'sent')::int, 0), 'failed', COALESCE(("data"->>'failed')::int, 0))
      WHEN 'campaign.failed' THEN jsonb_build_object(
        'campaignName', COALESCE(substring("title" from '^Campaign "(.*)" failed$'), "title"),
        'sent', COALESCE(("data"->>'sent')::int, 0), 'failed', COALESCE(("data"->>'failed')::int, 0),
        'error', CASE WHEN "body" ~ '^[0-9]+ sent, [0-9]+ failed$' THEN NULL ELSE "body" END)
      WHEN 'channel.down' THEN jsonb_build_object(
        'channel', COALESCE("data"->>'channel', 'whatsapp'),
        'reason', NULLIF("body", 'Messages cannot be sent or received on WhatsApp right now'))
      ELSE '{}'::jsonb END`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "title", DROP COLUMN "body"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notifications" ADD "title" character varying(200) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE "notifications" ADD "body" character varying(500) NOT NULL DEFAULT ''`);
    await q.query(`UPDATE "notifications" SET "title" = left(CASE "type"
      WHEN 'conversation.created' THEN 'New conversation with ' || ("params"->>'contactName')
      WHEN 'conversation.assigned' THEN ("params"->>'contactName') || ' was assigned to you'
      WHEN 'mention' THEN ("params"->>'senderName') || ' mentioned you'
      WHEN 'campaign.finished' THEN 'Campaign "' || ("params"->>'campaignName') || '" finished'
      WHEN 'campaign.failed' THEN 'Campaign "' || ("params"->>'campaignName') || '" failed'
      ELSE 'WhatsApp is down' END, 200),
      "body" = left(COALESCE("params"->>'subject', "params"->>'preview', "params"->>'excerpt', "params"->>'error',
        "params"->>'reason', ''), 500)`);
    await q.query(`ALTER TABLE "notifications" ALTER "title" DROP DEFAULT, ALTER "body" DROP DEFAULT`);
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "params"`);
  }
}
