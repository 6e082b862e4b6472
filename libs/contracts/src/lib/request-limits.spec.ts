import type { z } from 'zod';
import { clientEventSchemas, contractRoutes } from './contract-routes';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: { _zod: { def: { check: string } } }[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every string, array and record reachable in a request schema, with where it is. */
function leaves(schema: z.ZodType, path: string, out: { kind: string; path: string; schema: z.ZodType }[] = []) {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      out.push({ kind: 'string', path, schema });
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape ?? {})) leaves(value, `${path}.${key}`, out);
      break;
    case 'array':
      out.push({ kind: 'array', path, schema });
      leaves(def.element as z.ZodType, `${path}[]`, out);
      break;
    case 'record':
      out.push({ kind: 'record', path, schema });
      leaves(def.keyType as z.ZodType, `${path}{key}`, out);
      leaves(def.valueType as z.ZodType, `${path}{}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      leaves(def.innerType as z.ZodType, path, out);
      break;
    case 'pipe':
      leaves(def.in as z.ZodType, path, out);
      leaves(def.out as z.ZodType, path, out);
      break;
    case 'union':
      (def.options ?? []).forEach((o, i) => leaves(o, `${path}|${i}`, out));
      break;
    case 'intersection':
      leaves(def.left as z.ZodType, path, out);
      leaves(def.right as z.ZodType, path, out);
      break;
  }
  return out;
}

const requestSchemas: [string, z.ZodType][] = [
  ...contractRoutes.flatMap((r) => [
    ...(r.body ? [[`${r.method} ${r.path} body`, r.body] as [string, z.ZodType]] : []),
    ...(r.query ? [[`${r.method} ${r.path} query`, r.query] as [string, z.ZodType]] : []),
  ]),
  ...Object.entries(clientEventSchemas).flatMap(([ns, events]) =>
    Object.entries(events as Record<string, z.ZodType>).map(
      ([event, schema]) => [`${ns} ${event}`, schema] as [string, z.ZodType],
    ),
  ),
];
const all = requestSchemas.flatMap(([name, schema]) => leaves(schema, name));

describe('request limits of every route and socket event', () => {
  it('finds the request schemas to check', () => {
    expect(requestSchemas.length).toBeGreaterThan(30);
    expect(all.filter((l) => l.kind === 'string').length).toBeGreaterThan(40);
  });

  it.each(['\u0000', '\u0007', '\u001b', '\u000b', '\u001f'])(
    'every text field refuses the control character %j',
    (control) => {
      const accepting = all
        .filter((l) => l.kind === 'string' && l.schema.safeParse(`ok${control}ok`).success)
        .map((l) => l.path);
      expect(accepting).toEqual([]);
    },
  );

  it('tab, newline and carriage return stay allowed in message text', () => {
    const content = all.find((l) => l.path === '/chat chat_message.content');
    expect(content?.schema.safeParse('line one\r\n\tline two').success).toBe(true);
  });

  it('every array and record has a maximum', () => {
    const unbounded = all
      .filter((l) => l.kind === 'array' || l.kind === 'record')
      .filter((l) => {
        const checks = defOf(l.schema).checks ?? [];
        return l.kind === 'array' ? !checks.some((c) => c._zod.def.check === 'max_length') : checks.length === 0;
      })
      .map((l) => l.path);
    expect(unbounded).toEqual([]);
  });
});
