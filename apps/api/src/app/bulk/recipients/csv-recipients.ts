import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { MAX_CAMPAIGN_RECIPIENTS, type RecipientInput } from '@switchboard/contracts';

export type CsvRecipients = { recipients: RecipientInput[] } | { error: string };

const PHONE_COLUMNS = ['phone', 'telefono', 'tel_fono', 'number', 'whatsapp', 'mobile'];
const NAME_COLUMNS = ['name', 'nombre'];
/** The header line must end within this many bytes (the separator is read from it). */
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * A CSV upload → recipient inputs, read as it streams in (csv-parse), so even a 100,000-row file is
 * never held whole in memory. The header names the columns: `phone` (also `telefono`, `number`,
 * `whatsapp`), optional `name` (`nombre`); every other column is a template variable. RFC 4180
 * quoting, CRLF or LF, a UTF-8 BOM dropped, blank lines skipped; the separator is `,` or `;`
 * (spreadsheets in Spanish locales export `;`), whichever the header line uses more.
 */
export function readRecipientsCsv(input: Readable): Promise<CsvRecipients> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: CsvRecipients) => {
      if (settled) return;
      settled = true;
      input.unpipe();
      input.resume();
      resolve(outcome);
    };
    let parser: ReturnType<typeof parse> | null = null;
    // The separator is chosen from the header line, so bytes are held back until it is complete.
    let head = Buffer.alloc(0);
    input.on('data', (chunk: Buffer) => {
      if (settled) return;
      // A NUL byte means a binary file (a spreadsheet saved as .xlsx, say), not CSV text.
      if (chunk.includes(0)) return finish({ error: 'not a text file' });
      if (parser) {
        if (!parser.write(chunk)) input.pause();
        return;
      }
      head = Buffer.concat([head, chunk]);
      const lineEnd = head.indexOf(0x0a);
      if (lineEnd < 0 && head.length < MAX_HEADER_BYTES) return;
      parser = recipientRows(
        delimiterOf(head.subarray(0, lineEnd < 0 ? head.length : lineEnd).toString('utf8')),
        finish,
      );
      parser.on('drain', () => input.resume());
      parser.write(head);
    });
    input.on('end', () => {
      if (settled) return;
      if (parser) parser.end();
      else recipientRows(delimiterOf(head.toString('utf8')), finish).end(head);
    });
    input.on('error', (err) => (settled ? undefined : reject(err)));
  });
}

/** A parser that turns the rows it is written into recipients, and says how it ended through `finish`. */
function recipientRows(delimiter: string, finish: (outcome: CsvRecipients) => void): ReturnType<typeof parse> {
  const rows = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  });
  let columns: { names: string[]; phoneAt: number; nameAt: number } | null = null;
  const recipients: RecipientInput[] = [];
  rows.on('readable', () => {
    for (let cells: string[] | null; (cells = rows.read() as string[] | null) !== null;) {
      if (!columns) {
        columns = columnsOf(cells);
        if (columns.phoneAt < 0)
          return finish({ error: 'the first line must name the columns, with one called "phone"' });
      } else if (recipients.length === MAX_CAMPAIGN_RECIPIENTS) {
        return finish({ error: `more than ${MAX_CAMPAIGN_RECIPIENTS} rows` });
      } else recipients.push(recipientOf(cells, columns));
    }
  });
  rows.on('error', (err) => finish({ error: err.message }));
  rows.on('end', () => finish(columns ? { recipients } : { error: 'the file is empty' }));
  return rows;
}

function columnsOf(header: string[]) {
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_'),
  );
  return {
    names,
    phoneAt: names.findIndex((c) => PHONE_COLUMNS.includes(c)),
    nameAt: names.findIndex((c) => NAME_COLUMNS.includes(c)),
  };
}

function recipientOf(cells: string[], { names, phoneAt, nameAt }: ReturnType<typeof columnsOf>): RecipientInput {
  const variables: Record<string, string> = {};
  names.forEach((c, i) => {
    if (i !== phoneAt && i !== nameAt && /^[a-z_][a-z0-9_]{0,63}$/.test(c)) variables[c] = (cells[i] ?? '').trim();
  });
  return {
    phone: (cells[phoneAt] ?? '').trim(),
    name: nameAt >= 0 ? (cells[nameAt] ?? '').trim() || undefined : undefined,
    variables,
  };
}

function delimiterOf(headerLine: string): ',' | ';' {
  return (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}
