import * as fc from 'fast-check';
import type { z } from 'zod';
import { FORBIDDEN_CONTROL_CHARACTERS } from '@switchboard/contracts';
import { idOf, refKindOfField } from './refs';

/** Valid samples derived from a contract zod schema, so fuzz cases reach the services. */

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
