import * as fc from 'fast-check';
import type { z } from 'zod';
import { FORBIDDEN_CONTROL_CHARACTERS } from '@switchboard/contracts';

/**
 * Generators of hostile input for the fuzz suite (test/trust/fuzz.int-spec.ts): whole hostile
 * values, valid samples derived from a contract zod schema, and those samples with one thing
 * broken. Ids of real things are `Ref`s resolved when the payload is serialised, because the
 * things fuzzing creates (conversations, messages, campaigns…) only exist once earlier cases ran.
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

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

/** Strings that have broken parsers, databases, templates, logs and terminals before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'hola\u0000adiós',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n',
  '\t\v\f',
  '\u007f\u0085',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\udbff\udfff',
  '\uffff\ufffe',
  '\ufeffbom',
  '\u202egnp.exe',
  '\u200b\u200c\u200d',
  '𝕏👍🏽👨‍👩‍👧',
  'null',
  'undefined',
  'NaN',
  '-1',
  '-0',
  '0',
  '1e308',
  '-1e308',
  '1e309',
  'Infinity',
  '9007199254740993',
  '99999999999999999999999999',
  '0x1F',
  '1_000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '$1',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '{{name}}',
  '{{__proto__}}',
  '{{constructor}}',
  '{{1}}{{3}}',
  '{{{{{{',
  '${process.exit()}',
  '\\',
  '"',
  "'",
  '=cmd|/C calc!A1',
  '2026-02-30T25:61:61Z',
  'a'.repeat(257),
  'ä'.repeat(73),
  'x@y',
  '+',
  '+00000000000000000000',
];

/** Numbers (and JSON's non-numbers) at the edges of every range check. */
export const NASTY_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 63,
  2 ** 64,
  1e21,
  NaN,
  Infinity,
  -Infinity,
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Short hostile strings: the list above, random code units (control characters, lone surrogates), mixes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  {
    arbitrary: fc.string({
      unit: fc.oneof(controlChar, loneSurrogate, fc.constantFrom('a', ' ', '{', '}', '%', '"')),
      maxLength: 30,
    }),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 10 }), fc.oneof(controlChar, loneSurrogate), fc.string({ maxLength: 10 }))
      .map(([a, b, c]) => a + b + c),
    weight: 3,
  },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 4 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
);

/** Keys an object should never be trusted with. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    '\u0000',
    '\ud800',
    'toString',
    'valueOf',
    '$where',
    'a.b',
    '0',
    '-1',
    'x'.repeat(1000),
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** An object with an own (not inherited) property `key`, even for `__proto__`. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

/** Nested `depth` times: arrays, objects, or both alternating. */
export function deeplyNested(depth: number, shape: 'array' | 'object' | 'mixed'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = shape === 'array' || (shape === 'mixed' && i % 2) ? [v] : { a: v };
  return v;
}

/**
 * Large values: deep nesting, huge arrays, very long strings, many keys. `maxBytes` bounds their
 * JSON size (roughly), so a suite can choose to stay under or go over a body limit. Nesting stops
 * at `maxDepth`: deeper, JSON.stringify overflows the sender's own stack (deeper still goes as raw
 * text, which JSON.parse reads without recursion).
 */
export const bigHostile = (maxBytes: number, maxDepth = 3_000): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .record({
        depth: fc.integer({ min: 100, max: Math.max(100, Math.min(maxDepth, maxBytes / 8)) }),
        shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
      })
      .map(({ depth, shape }) => deeplyNested(depth, shape)),
    fc.integer({ min: 1_000, max: Math.max(1_000, Math.floor(maxBytes / 2)) }).map((n) => new Array(n).fill(0)),
    fc
      .integer({ min: 100, max: Math.max(100, Math.floor(maxBytes / 40)) })
      .map((n) => Array.from({ length: n }, () => ({ phone: '+34600000000', name: 'x'.repeat(20) }))),
    fc
      .tuple(
        fc.integer({ min: 10_000, max: Math.max(10_000, maxBytes) }),
        fc.constantFrom('a', 'ñ', '👍', '\u0000', '\ud800'),
      )
      .map(([n, c]) => c.repeat(Math.floor(n / Math.max(1, Buffer.byteLength(JSON.stringify(c)) - 2)))),
    fc
      .integer({ min: 1_000, max: Math.max(1_000, Math.floor(maxBytes / 12)) })
      .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  );

/** JSON.parse gives own `__proto__`/`constructor` keys, as a server's parser would. */
export const pollutingObject: fc.Arbitrary<unknown> = fc
  .constantFrom(
    '{"__proto__":{"polluted":"yes","isAdmin":true,"role":"admin"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"__proto__":{"toString":"x","valueOf":1}}',
    '{"a":{"__proto__":{"polluted":"yes"}},"__proto__":[]}',
    '{"__proto__":null}',
  )
  .map((s) => JSON.parse(s) as unknown);

/** Any hostile value, small (no more than a few KB) unless `big` is given a weight. */
export function hostileValue(
  opts: { bigWeight?: number; maxBytes?: number; maxDepth?: number } = {},
): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.constantFrom(null, undefined, true, false, {}, [], [null], [[]], [{}], ''), weight: 4 },
      { arbitrary: hostileNumber, weight: 3 },
      { arbitrary: hostileString, weight: 4 },
      { arbitrary: pollutingObject, weight: 1 },
      { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
      {
        arbitrary: fc
          .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
          .map((entries) => entries.reduce((o, [k, v]) => withOwnKey(o, k, v), {} as Record<string, unknown>)),
        weight: 1,
      },
    ),
  }));
  const big = opts.bigWeight ?? 0;
  return big > 0
    ? fc.oneof(
        { arbitrary: value, weight: 20 },
        { arbitrary: bigHostile(opts.maxBytes ?? 300_000, opts.maxDepth), weight: big },
      )
    : value;
}

// ---------------------------------------------------------------------------------------------
// Valid samples from zod schemas
// ---------------------------------------------------------------------------------------------

type AnySchema = z.ZodType & { _zod: { def: any } };
type Overrides = Record<string, fc.Arbitrary<unknown>>;

const safeText = (min: number, max: number): fc.Arbitrary<string> => {
  const top = Math.max(min, Math.min(max, 40));
  const plain = fc.string({
    minLength: min,
    maxLength: top,
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789-_.,!?ñéü👍'.split('')),
  });
  // Now and then the full length a field allows, and text only outside ASCII.
  return fc
    .oneof(
      { arbitrary: plain, weight: 8 },
      { arbitrary: fc.string({ minLength: min, maxLength: top, unit: 'grapheme' }), weight: 2 },
      { arbitrary: fc.constant('x'.repeat(Math.max(min, Math.min(max, 10_000)))), weight: 1 },
    )
    .filter((s) => s.length >= min && s.length <= max && (min === 0 || s.trim().length > 0));
};

/**
 * A value the schema (very probably) accepts. Refinements cannot be derived and are left to luck
 * or to `overrides` (by dotted path; `*` matches any array index). UUID fields named after what
 * they point to (`conversationId`…) become `Ref`s.
 */
export function sampleOf(
  schema: z.ZodType,
  overrides: Overrides = {},
  options: { query?: boolean } = {},
): fc.Arbitrary<unknown> {
  const walk = (s: AnySchema, path: string, key: string): fc.Arbitrary<unknown> => {
    const override = overrides[path];
    if (override) return override;
    const def = s._zod.def;
    const checks: any[] = (def.checks ?? []).map((c: any) => c._zod.def);
    const check = (name: string) => checks.find((c) => c.check === name);
    switch (def.type) {
      case 'object': {
        const shape: Record<string, AnySchema> = def.shape;
        const arbs: Record<string, fc.Arbitrary<unknown>> = {};
        const required: string[] = [];
        for (const [k, v] of Object.entries(shape)) {
          arbs[k] = walk(v, path ? `${path}.${k}` : k, k);
          if (!['optional', 'default', 'prefault'].includes(v._zod.def.type)) required.push(k);
        }
        return fc.record(arbs, { requiredKeys: required as any });
      }
      case 'optional':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return walk(def.innerType, path, key);
      case 'nullable':
        return fc.oneof(
          { arbitrary: walk(def.innerType, path, key), weight: 5 },
          { arbitrary: fc.constant(null), weight: 1 },
        );
      case 'pipe':
        // A preprocess is a transform piped into the schema; a transform is a schema piped into one.
        return def.in._zod.def.type === 'transform' ? walk(def.out, path, key) : walk(def.in, path, key);
      case 'lazy':
        return walk(def.getter(), path, key);
      case 'string': {
        const min = check('min_length')?.minimum ?? 0;
        const max = check('max_length')?.maximum ?? 200;
        const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
        if (format === 'uuid' || format === 'guid') {
          const kind = refKindOfField(key);
          return kind ? idOf(kind) : fc.uuid({ version: 4 });
        }
        if (format === 'email')
          return fc.tuple(fc.nat(), fc.constantFrom('fuzz.example', 'test.local')).map(([n, d]) => `someone${n}@${d}`);
        // Every text field carries the no-control-characters regex, which safe text meets anyway.
        const pattern: RegExp | undefined = checks.find(
          (c) =>
            c.format === 'regex' &&
            !FORBIDDEN_CONTROL_CHARACTERS.test(
              c.pattern.source.replace(/\\u([0-9a-f]{4})/gi, (_m: string, h: string) =>
                String.fromCharCode(parseInt(h, 16)),
              ),
            ),
        )?.pattern;
        if (pattern) return fc.stringMatching(pattern).filter((x) => x.length >= min && x.length <= max);
        return safeText(min, max);
      }
      case 'number': {
        const gt = check('greater_than');
        const lt = check('less_than');
        const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format));
        const min = gt ? gt.value + (gt.inclusive ? 0 : int ? 1 : 1e-9) : -1_000;
        const max = lt ? lt.value - (lt.inclusive ? 0 : int ? 1 : 1e-9) : 1_000_000;
        const n = int
          ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
          : fc.double({ min, max, noNaN: true });
        return options.query ? n.map(String) : n;
      }
      case 'boolean':
        return options.query ? fc.constantFrom('true', 'false') : fc.boolean();
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'array': {
        const min = check('min_length')?.minimum ?? 0;
        const max = Math.min(check('max_length')?.maximum ?? 5, Math.max(min, 5));
        return fc.array(walk(def.element, `${path}.*`, key), { minLength: min, maxLength: max });
      }
      case 'record':
        return fc.dictionary(
          walk(def.keyType, `${path}.<key>`, '') as fc.Arbitrary<string>,
          walk(def.valueType, `${path}.<value>`, ''),
          { maxKeys: 3 },
        );
      case 'union':
        return fc.oneof(...(def.options as AnySchema[]).map((o) => walk(o, path, key)));
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  };
  return walk(schema as AnySchema, '', '');
}

// ---------------------------------------------------------------------------------------------
// Mutations of a valid sample
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

/** Every place inside `value` (objects and arrays, a few levels deep). */
function pathsOf(value: unknown, depth = 0, prefix: Path = []): Path[] {
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Ref) return [];
  const out: Path[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k];
    out.push(p, ...pathsOf(v, depth + 1, p));
  }
  return out;
}

/** A copy that keeps own `__proto__` keys and `Ref`s. */
function copy(value: unknown, depth = 0): unknown {
  if (depth > 50 || value === null || typeof value !== 'object' || value instanceof Ref || ArrayBuffer.isView(value))
    return value;
  if (Array.isArray(value)) return value.map((v) => copy(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) withOwnKey(out, k, copy(v, depth + 1));
  return out;
}

export type MutationOp =
  | 'replace'
  | 'delete'
  | 'add-key'
  | 'null'
  | 'wrap-in-array'
  | 'stringify'
  | 'numberify'
  | 'whole-in-array'
  | 'empty-object';

/** The valid sample with one thing broken: a field replaced, removed, retyped, or an extra hostile key. */
export function mutated(
  valid: fc.Arbitrary<unknown>,
  hostile: fc.Arbitrary<unknown> = hostileValue(),
): fc.Arbitrary<unknown> {
  const ops: MutationOp[] = [
    'replace',
    'replace',
    'replace',
    'delete',
    'add-key',
    'null',
    'wrap-in-array',
    'stringify',
    'numberify',
    'whole-in-array',
    'empty-object',
  ];
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom(...ops), hostile, hostileKey)
    .map(([base, pick, op, bad, badKey]) => mutate(base, pick, op, bad, badKey));
}

export function mutate(base: unknown, pick: number, op: MutationOp, bad: unknown, badKey: string): unknown {
  if (op === 'whole-in-array') return [copy(base)];
  if (op === 'empty-object') return {};
  const root = copy(base);
  if (root === null || typeof root !== 'object') return bad;
  const paths = pathsOf(root);
  if (op === 'add-key' || paths.length === 0) {
    const objects = [[] as Path, ...paths].filter((p) => {
      const v = at(root, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Ref);
    });
    const target = at(root, objects[pick % objects.length]) as Record<string, unknown> | undefined;
    if (target) withOwnKey(target, badKey, bad);
    return root;
  }
  const path = paths[pick % paths.length];
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  const current = parent[key];
  switch (op) {
    case 'replace':
      withOwnKey(parent as Record<string, unknown>, String(key), bad);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'null':
      parent[key] = null;
      break;
    case 'wrap-in-array':
      parent[key] = [current];
      break;
    case 'stringify':
      parent[key] = typeof current === 'string' ? { value: current } : (JSON.stringify(current) ?? 'undefined');
      break;
    case 'numberify':
      parent[key] = typeof current === 'number' ? String(current) : typeof current === 'boolean' ? Number(current) : -1;
      break;
  }
  return root;
}

function at(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

/**
 * What a route or event receives: a valid sample (so cases reach the services), the sample with
 * one thing broken, or something hostile altogether; weights are percentages-ish.
 */
export function payloadOf(
  valid: fc.Arbitrary<unknown>,
  opts: { bigWeight?: number; maxBytes?: number; maxDepth?: number; weights?: [number, number, number] } = {},
): fc.Arbitrary<unknown> {
  const [v, m, h] = opts.weights ?? [45, 35, 20];
  return fc.oneof(
    { arbitrary: valid, weight: v },
    { arbitrary: mutated(valid), weight: m },
    {
      arbitrary: hostileValue({ bigWeight: opts.bigWeight, maxBytes: opts.maxBytes, maxDepth: opts.maxDepth }),
      weight: h,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

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
