/** A field as CSV: quoted when it holds a separator, quote or line break; formula starters defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  // A cell starting with = + - @ runs as a formula in spreadsheets (CSV injection).
  if (/^[=+\-@]/.test(s) && typeof value === 'string' && !/^\+\d+$/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
