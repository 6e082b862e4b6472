import * as fc from 'fast-check';
import { Ref } from './refs';
import { hostileKey, hostileValue, withOwnKey } from './hostile-values';

/** A valid sample with one thing broken, and the mix of valid, broken and hostile payloads. */

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
