/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines; CRLF or LF line ends; a
 * UTF-8 byte-order mark is dropped. Separator `,` or `;` (spreadsheets in Spanish locales export `;`),
 * chosen from the header line. Blank lines are skipped.
 */
export function readCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** A field as CSV: quoted when it holds a separator, quote or line break; formula starters defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheets (CSV injection).
  if (/^[=+\-@]/.test(s) && typeof value === 'string' && !/^\+\d+$/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
