import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { mkdir, writeFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { withoutControlCharacters, type Attachment } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/update-rows';
import type { Actor } from '../conversation-access';
import { AttachmentLinks } from '../attachment-links';
import { ConversationsService } from './conversations.service';

/** What may be uploaded: media the UI renders, documents, and plain archives. */
const ALLOWED = [
  /^image\/(png|jpeg|gif|webp)$/,
  /^video\/(mp4|webm|ogg|quicktime)$/,
  /^audio\/(mpeg|ogg|wav|webm|mp4|aac)$/,
  /^application\/(pdf|zip|msword|vnd\.openxmlformats-officedocument\.[\w.]+|vnd\.ms-excel|vnd\.oasis\.opendocument\.[\w.]+)$/,
  /^text\/(plain|csv)$/,
];

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const MIB = 1024 * 1024;

/**
 * Uploads under DATA_DIR/attachments. An upload counts against its uploader's quota
 * (`UPLOAD_QUOTA_BYTES_PER_USER`) until a message carries it, and one no message carries is
 * deleted after `UPLOAD_UNREFERENCED_TTL_HOURS` (AttachmentsSweepJob), so uploads alone cannot fill
 * the disk.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');
  private readonly dir: string;
  private readonly quotaBytes: number;
  private readonly unreferencedTtlHours: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly links: AttachmentLinks,
    config: AppConfig,
  ) {
    this.dir = resolve(join(config.env.DATA_DIR, 'attachments'));
    this.quotaBytes = config.env.UPLOAD_QUOTA_BYTES_PER_USER;
    this.unreferencedTtlHours = config.env.UPLOAD_UNREFERENCED_TTL_HOURS;
  }

  async upload(
    actor: Actor,
    conversationId: string,
    file: UploadedFile | undefined,
  ): Promise<{ attachment: Attachment }> {
    if (!file) throw new AppError('validation_failed', 'No file uploaded', [{ path: 'file', message: 'required' }]);
    if (!ALLOWED.some((re) => re.test(file.mimetype))) {
      throw new AppError('validation_failed', `Files of type ${file.mimetype} are not allowed`, [
        { path: 'file', message: 'type not allowed' },
      ]);
    }
    await this.conversations.get(actor, conversationId);
    const name = withoutControlCharacters(file.originalname).replace(/[\\/]/g, '_').slice(0, 255) || 'file';
    const id = await this.db.transaction(async (tx) => {
      // One uploader's uploads are counted one at a time, so parallel uploads cannot slip past the quota together.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`uploads:${actor.sub}`]);
      const [{ pending }]: { pending: string }[] = await tx.query(
        `SELECT COALESCE(sum(size), 0) AS pending FROM attachments WHERE uploader_id = $1 AND referenced_at IS NULL`,
        [actor.sub],
      );
      if (Number(pending) + file.size > this.quotaBytes) {
        throw new AppError(
          'payload_too_large',
          `Your files not sent yet take ${Math.ceil(Number(pending) / MIB)} MB of your ${Math.floor(this.quotaBytes / MIB)} MB: send them, or wait until they expire`,
          [{ path: 'file', message: 'upload quota reached' }],
        );
      }
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO attachments (conversation_id, uploader_id, name, mime_type, size) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [conversationId, actor.sub, name, file.mimetype, file.size],
      );
      return row.id;
    });
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(this.path(id), file.buffer);
    } catch (err) {
      await this.db.query(`DELETE FROM attachments WHERE id = $1`, [id]);
      await unlink(this.path(id)).catch(() => undefined);
      throw err;
    }
    return { attachment: { url: this.links.signedUrl(id), mimeType: file.mimetype, size: file.size, name } };
  }

  /** The file, for a participant of its conversation or the holder of a valid link. */
  async open(actor: Actor | null, id: string): Promise<{ path: string; name: string; mimeType: string }> {
    const rows: { conversation_id: string; name: string; mime_type: string }[] = await this.db.query(
      `SELECT conversation_id, name, mime_type FROM attachments WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such attachment');
    if (actor) await this.conversations.get(actor, rows[0].conversation_id);
    return { path: this.path(id), name: rows[0].name, mimeType: rows[0].mime_type };
  }

  /**
   * A deleted message's file is no longer served: its row goes in the deleting transaction (the
   * download then finds nothing), unless a live message of the conversation carries the same
   * upload. Returns the id whose file `discardFile` removes after commit, or null.
   */
  async withdrawWithin(
    tx: EntityManager,
    message: { conversation_id: string; attachment: Attachment | null },
  ): Promise<string | null> {
    const id = message.attachment ? this.links.idOf(message.attachment.url) : null;
    if (!id) return null;
    const withdrawn = returnedRows(
      await tx.query(
        `DELETE FROM attachments a WHERE a.id = $1 AND NOT EXISTS (
           SELECT 1 FROM messages m WHERE m.conversation_id = a.conversation_id AND m.deleted_at IS NULL AND m.attachment->>'url' = $2)
         RETURNING a.id`,
        [id, this.links.plainUrl(id)],
      ),
    );
    return withdrawn.length > 0 ? id : null;
  }

  /**
   * Deletes the uploads no message has carried for `UPLOAD_UNREFERENCED_TTL_HOURS`, rows first
   * (nothing serves them after), then their files. A message that takes one meanwhile holds its
   * row (the writer share-locks the uploads it uses), so what a message carries is never deleted.
   */
  async sweepUnreferenced(): Promise<number> {
    const gone = returnedRows<{ id: string }>(
      await this.db.query(
        `DELETE FROM attachments WHERE referenced_at IS NULL AND created_at < now() - $1 * interval '1 hour' RETURNING id`,
        [this.unreferencedTtlHours],
      ),
    );
    for (const { id } of gone) await this.discardFile(id);
    return gone.length;
  }

  /** After commit. Its row is gone, so a file that cannot be removed is never served: it only takes space. */
  async discardFile(id: string): Promise<void> {
    await unlink(this.path(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT')
        this.logger.warn({ attachmentId: id, err: err.message }, 'attachment file not removed');
    });
  }

  private path(id: string): string {
    return join(this.dir, id);
  }
}
