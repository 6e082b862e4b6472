import type { Response } from 'express';

/**
 * Streams pages of rows as a CSV attachment. The first page is read before any header goes out,
 * so an unknown campaign (the generator throws) is still answered as a JSON error.
 */
export async function sendCsv<T>(
  res: Response,
  filename: string,
  header: string,
  pages: AsyncGenerator<T[]>,
  line: (row: T) => (string | number)[],
): Promise<void> {
  const first = await pages.next();
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.write(`${header}\r\n`);
  const write = (rows: T[]) => res.write(rows.map((r) => line(r).join(',') + '\r\n').join(''));
  if (!first.done) write(first.value);
  for await (const rows of pages) write(rows);
  res.end();
}
