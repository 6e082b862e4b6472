import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { mkdir, writeFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Attachment } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/update-rows';
import type { Actor } from '../conversation-access';
import { ConversationsService } from './conversations.service';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What may be uploaded: media the UI renders, documents, and plain archives. */
const ALLOWED = [/^image\/(png|jpeg|gif|webp)$/, /^video\/(mp4|webm|ogg|quicktime)$/, /^audio\/(mpeg|ogg|wav|webm|mp4|aac)$/,
  /^application\/(pdf|zip|msword|vnd\.openxmlformats-officedocument\.[\w.]+|vnd\.ms-excel|vnd\.oasis\.opendocument\.[\w.]+)$/, /^text\/(plain|csv)$/];

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');
  private readonly dir: string;
  private readonly secret: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    config: AppConfig,
  ) {
    this.dir = resolve(join(config.env.DATA_DIR, 'attachments'));
    this.secret = config.jwtSecret;
  }

  /**
   * An attachment's URL carries a signature of its id: `<img src>` and `<video src>` cannot send
   * a bearer token, and only the participants who see the message ever get the URL.
   */
  urlFor(id: string): string {
    return `/api/attachments/${id}?sig=${this.signature(id)}`;
  }

  /** The attachment id of one of our signed URLs, or null. */
  idFromUrl(url: string): string | null {
    const m = /^\/api\/attachments\/([0-9a-f-]{36})\?sig=([\w-]+)$/i.exec(url);
    return m && this.signatureMatches(m[1], m[2]) ? m[1] : null;
  }

  signatureMatches(id: string, sig: string): boolean {
    const expected = Buffer.from(this.signature(id));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(id: string): string {
    return createHmac('sha256', this.secret).update(`attachment:${id}`).digest('base64url');
  }

  async upload(actor: Actor, conversationId: string, file: UploadedFile | undefined): Promise<{ attachment: Attachment }> {
    if (!file) throw new AppError('validation_failed', 'No file uploaded', [{ path: 'file', message: 'required' }]);
    if (!ALLOWED.some((re) => re.test(file.mimetype))) {
      throw new AppError('validation_failed', `Files of type ${file.mimetype} are not allowed`, [{ path: 'file', message: 'type not allowed' }]);
    }
    await this.conversations.get(actor, conversationId);
    const name = file.originalname.replace(/[\\/\0]/g, '_').slice(0, 255) || 'file';
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO attachments (conversation_id, uploader_id, name, mime_type, size) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [conversationId, actor.sub, name, file.mimetype, file.size],
    );
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(this.path(id), file.buffer);
    } catch (err) {
      await this.db.query(`DELETE FROM attachments WHERE id = $1`, [id]);
      await unlink(this.path(id)).catch(() => undefined);
      throw err;
    }
    return { attachment: { url: this.urlFor(id), mimeType: file.mimetype, size: file.size, name } };
  }

  /** The file, for a participant of its conversation or the holder of its signed URL. */
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
  async withdrawWithin(tx: EntityManager, message: { conversation_id: string; attachment: Attachment | null }): Promise<string | null> {
    const id = message.attachment ? this.idFromUrl(message.attachment.url) : null;
    if (!id) return null;
    const withdrawn = returnedRows(
      await tx.query(
        `DELETE FROM attachments a WHERE a.id = $1 AND NOT EXISTS (
           SELECT 1 FROM messages m WHERE m.conversation_id = a.conversation_id AND m.deleted_at IS NULL AND m.attachment->>'url' = $2)
         RETURNING a.id`,
        [id, message.attachment?.url],
      ),
    );
    return withdrawn.length > 0 ? id : null;
  }

  /** After commit. Its row is gone, so a file that cannot be removed is never served: it only takes space. */
  async discardFile(id: string): Promise<void> {
    await unlink(this.path(id)).catch((err: Error) => this.logger.warn({ attachmentId: id, err: err.message }, 'attachment file not removed'));
  }

  private path(id: string): string {
    return join(this.dir, id);
  }
}
