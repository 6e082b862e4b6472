import { z } from 'zod';
import { text } from './text.schema';

export const cursorSchema = text().min(1).max(512);

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

export const uuidSchema = z.uuid();
export const isoDateSchema = z.iso.datetime({ offset: true });
