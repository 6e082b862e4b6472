/** A piece of text, marked when it is part of what matched. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` at the `[start, end)` ranges to mark (UTF-16 indices, as the search API sends
 * them). Ranges out of bounds are clipped, and empty, reversed or overlapping ones skipped, so
 * whatever the server sends, every character is shown once and as text.
 */
export function highlightParts(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(rawEnd, text.length);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
