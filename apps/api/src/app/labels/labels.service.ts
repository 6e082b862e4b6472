import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MAX_LABELS, type CreateLabel, type Label, type UpdateLabel } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { returnedRows } from '../database/update-rows';

const UNIQUE_VIOLATION = '23505';

const nameTaken = () =>
  new AppError('conflict', 'A label with this name exists already', [{ path: 'name', message: 'already in use' }]);

/**
 * The team's label catalogue (supervisors and admins change it). A change is not pushed: the
 * conversations carrying a label show it as it was until their next change, and the app reads
 * the catalogue (by label id) for the current name and colour. Bumping every conversation that
 * carries a label would lock thousands of rows the message writer needs.
 */
@Injectable()
export class LabelsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<Label[]> {
    return this.db.query(`SELECT id, name, color FROM labels ORDER BY lower(name), id`);
  }

  async create(input: CreateLabel): Promise<Label> {
    return this.unique(() =>
      this.db.transaction(async (tx) => {
        // Creates are serialised, so the catalogue cannot grow past its bound by two at once.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('labels:create'))`);
        const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM labels`);
        if (n >= MAX_LABELS)
          throw new AppError('conflict', `A team has at most ${MAX_LABELS} labels: delete one first`);
        const [label]: Label[] = await tx.query(
          `INSERT INTO labels (name, color) VALUES ($1, $2) RETURNING id, name, color`,
          [input.name, input.color],
        );
        return label;
      }),
    );
  }

  async update(id: string, patch: UpdateLabel): Promise<Label> {
    const rows = await this.unique(async () =>
      returnedRows<Label>(
        await this.db.query(
          `UPDATE labels SET name = COALESCE($2, name), color = COALESCE($3, color) WHERE id = $1 RETURNING id, name, color`,
          [id, patch.name ?? null, patch.color ?? null],
        ),
      ),
    );
    if (!rows[0]) throw new AppError('not_found', 'No such label');
    return rows[0];
  }

  /** The label leaves every conversation with it (the rows cascade). */
  async remove(id: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(`DELETE FROM labels WHERE id = $1 RETURNING id`, [id]),
    );
    if (!rows[0]) throw new AppError('not_found', 'No such label');
  }

  /** Runs a write; a name another label has (uq_labels_name, any case) is a 409. */
  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw nameTaken();
      throw err;
    }
  }
}
