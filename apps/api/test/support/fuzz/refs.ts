import * as fc from 'fast-check';

/**
 * Ids of real things in fuzz payloads. They are `Ref`s resolved when the payload is serialised,
 * because the things fuzzing creates (conversations, messages, campaigns…) only exist once earlier
 * cases ran.
 */

/** A real id of `kind` (or a real thing, such as an uploaded attachment), picked by `n` from whatever exists when the payload is sent. */
export class Ref {
  constructor(
    readonly kind: string,
    readonly n: number,
  ) {}

  toJSON(): unknown {
    return resolveRef(this);
  }

  toString(): string {
    const v = resolveRef(this);
    return typeof v === 'string' ? v : JSON.stringify(v);
  }

  [fc.toStringMethod](): string {
    return `ref(${this.kind}#${this.n})`;
  }
}

let resolveRef: (ref: Ref) => unknown = (ref) => `00000000-0000-4000-8000-${String(ref.n).padStart(12, '0')}`;

/** The spec tells refs where real ids live. */
export function setRefResolver(resolver: (ref: Ref) => unknown): void {
  resolveRef = resolver;
}

/** A `Ref` of `kind` most of the time, else a random UUID (something that does not exist). */
export const idOf = (kind: string): fc.Arbitrary<Ref | string> =>
  fc.oneof(
    { arbitrary: fc.nat().map((n) => new Ref(kind, n)), weight: 8 },
    { arbitrary: fc.uuid({ version: 4 }), weight: 2 },
  );

/** A kind's name from a word of a path or a field (`canned-responses`, `cannedResponse` → `cannedresponse`). */
export const kindName = (word: string): string => word.toLowerCase().replace(/[-_]/g, '').replace(/s$/, '');

/** Which pool a UUID field's real ids come from, by its name (`labelIds` → `label`). */
export function refKindOfField(key: string): string | null {
  const k = key.toLowerCase();
  if (k === 'messageid' || k === 'replytoid') return 'message';
  if (k === 'agentid' || k === 'assigneeid' || k === 'userid') return 'user';
  if (k === 'ids') return 'notification';
  const named = /^(.+?)ids?$/i.exec(key);
  return named ? kindName(named[1]) : null;
}

/** JSON of `value` as it goes over the wire (Refs resolved), cut to `max` characters for messages. */
export function preview(value: unknown, max = 600): string {
  let s: string;
  try {
    s =
      value === undefined
        ? 'undefined'
        : (JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? `<${(v as Uint8Array).byteLength} bytes>` : v)) ??
          String(value));
  } catch (err) {
    s = `<unserialisable: ${(err as Error).message}>`;
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}
