import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  templateVariableCount,
  type CreateTemplate,
  type MessageTemplate,
  type TemplateRef,
  type UpdateTemplate,
} from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { returnedRows } from '../../database/update-rows';
import { MessagesService } from '../../chat/services/messages.service';
import { renderTemplate } from './template-render';

const UNIQUE_VIOLATION = '23505';

interface TemplateRow {
  id: string;
  name: string;
  language: string;
  category: MessageTemplate['category'];
  body: string;
  created_at: Date;
  updated_at: Date;
}

const toTemplate = (r: TemplateRow): MessageTemplate => ({
  id: r.id,
  name: r.name,
  language: r.language,
  category: r.category,
  body: r.body,
  variableCount: templateVariableCount(r.body),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const COLUMNS = 'id, name, language, category, body, created_at, updated_at';

/** The WhatsApp template catalogue (admins keep it in step with Meta's manager); chat renders sends with it. */
@Injectable()
export class TemplatesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.messages.useTemplateRenderer((t) => this.render(t));
  }

  async list(): Promise<MessageTemplate[]> {
    const rows: TemplateRow[] = await this.db.query(`SELECT ${COLUMNS} FROM message_templates ORDER BY name, language`);
    return rows.map(toTemplate);
  }

  async get(id: string): Promise<MessageTemplate> {
    const rows: TemplateRow[] = await this.db.query(`SELECT ${COLUMNS} FROM message_templates WHERE id = $1`, [id]);
    if (!rows[0]) throw new AppError('not_found', 'No such template');
    return toTemplate(rows[0]);
  }

  async create(t: CreateTemplate): Promise<MessageTemplate> {
    const rows: TemplateRow[] = await this.unique(() =>
      this.db.query(
        `INSERT INTO message_templates (name, language, category, body) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [t.name, t.language, t.category, t.body],
      ),
    );
    return toTemplate(rows[0]);
  }

  async update(id: string, t: UpdateTemplate): Promise<MessageTemplate> {
    const result = await this.unique(() =>
      this.db.query(
        `UPDATE message_templates SET name = COALESCE($2, name), language = COALESCE($3, language), category = COALESCE($4, category),
                body = COALESCE($5, body), updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, t.name ?? null, t.language ?? null, t.category ?? null, t.body ?? null],
      ),
    );
    const row = returnedRows<TemplateRow>(result)[0];
    if (!row) throw new AppError('not_found', 'No such template');
    return toTemplate(row);
  }

  async remove(id: string): Promise<void> {
    const deleted = returnedRows(await this.db.query(`DELETE FROM message_templates WHERE id = $1 RETURNING id`, [id]));
    if (deleted.length === 0) throw new AppError('not_found', 'No such template');
  }

  /** The text a template send shows in the conversation; unknown templates and wrong variables are refused. */
  async render(ref: TemplateRef): Promise<string> {
    return renderTemplate(await this.body(ref.name, ref.language), ref.variables);
  }

  /** The approved text of a template, `{{1}}`… still in it; an unknown template is refused. */
  async body(name: string, language: string): Promise<string> {
    const rows: { body: string }[] = await this.db.query(
      `SELECT body FROM message_templates WHERE name = $1 AND language = $2`,
      [name, language],
    );
    if (!rows[0]) {
      throw new AppError('validation_failed', `No template "${name}" in ${language}`, [
        { path: 'template.name', message: 'no such template in this language' },
      ]);
    }
    return rows[0].body;
  }

  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION)
        throw new AppError('conflict', 'A template with this name and language exists');
      throw err;
    }
  }
}
