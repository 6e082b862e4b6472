import * as fc from 'fast-check';

/** Whole hostile values: strings, numbers, keys and shapes that have broken parsers before. */

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
