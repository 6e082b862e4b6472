import type { RecipientInput } from '@switchboard/contracts/types';

/**
 * Where the recipients come from, ready to send: parsed rows (sent as JSON) or CSV text/file
 * (sent as the multipart `file`, parsed by the server like an upload).
 */
export type RecipientsSource =
  { kind: 'rows'; recipients: RecipientInput[] } | { kind: 'csv'; file: Blob; fileName: string };

/** Separators of a pasted `phone,name` line: a comma, a semicolon or a tab (a spreadsheet paste). */
const SEPARATOR = /[,;\t]/;

const unquote = (cell: string) => {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/""/g, '"').trim()
    : trimmed;
};

function nonEmptyLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** Header names the server takes for the phone column (as it normalises them). */
const PHONE_COLUMNS = ['phone', 'telefono', 'tel_fono', 'number', 'whatsapp', 'mobile'];

/** A first line naming a phone column makes the paste a CSV with a header (other columns are variables). */
export function hasCsvHeader(text: string): boolean {
  const first = nonEmptyLines(text)[0];
  if (!first) return false;
  return first.split(/[,;]/).some((cell) =>
    PHONE_COLUMNS.includes(
      unquote(cell)
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_'),
    ),
  );
}

/**
 * Pasted recipients: either CSV text with a header (`phone,name,city…`), handed to the server
 * as a file, or one recipient per line as `phone` or `phone,name`. Blank lines are ignored;
 * everything else is sent as is, so the server reports bad rows by their number. Null when
 * there is nothing to send.
 */
export function recipientsFromPaste(text: string): RecipientsSource | null {
  const lines = nonEmptyLines(text);
  if (lines.length === 0) return null;
  if (hasCsvHeader(text)) {
    return { kind: 'csv', file: new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), fileName: 'recipients.csv' };
  }
  const recipients = lines.map((line): RecipientInput => {
    const at = line.search(SEPARATOR);
    const phone = unquote(at === -1 ? line : line.slice(0, at));
    const name = at === -1 ? '' : unquote(line.slice(at + 1));
    return name ? { phone, name } : { phone };
  });
  return { kind: 'rows', recipients };
}

/** How many recipients a paste holds (the header line of a CSV is not one). */
export function pastedRecipientCount(text: string): number {
  const lines = nonEmptyLines(text).length;
  return hasCsvHeader(text) ? Math.max(0, lines - 1) : lines;
}

const NAME_COLUMNS = ['name', 'nombre'];
const VARIABLE = /^[a-z_][a-z0-9_]{0,63}$/;

/**
 * The columns a template variable can take its value from, as the server reads a CSV header:
 * `name` for the name column, and every other column that makes a variable (the phone excluded).
 */
export function mappableColumns(headerLine: string): string[] {
  const separator = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const names = headerLine.split(separator).map((cell) =>
    unquote(cell)
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_'),
  );
  const columns = names.flatMap((c) =>
    PHONE_COLUMNS.includes(c) ? [] : NAME_COLUMNS.includes(c) ? ['name'] : VARIABLE.test(c) ? [c] : [],
  );
  return [...new Set(columns)];
}

/** The columns of a paste: a CSV header's, else `name` (lines are `phone,name`). */
export function pastedColumns(text: string): string[] {
  return hasCsvHeader(text) ? mappableColumns(nonEmptyLines(text)[0]) : ['name'];
}
