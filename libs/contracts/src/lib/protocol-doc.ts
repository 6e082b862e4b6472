import { z } from 'zod';
import { clientEventSchemas, contractRouteTables, serverEventSchemas } from './contract-routes';
import { namespaceRoles, type Namespace } from './common/namespaces';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  additionalProperties?: JsonSchema | boolean;
  description?: string;
}

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;

/** A short type: `string (uuid)`, `'a' \| 'b'`, `array of object`. */
function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  const type = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  if (type === 'array') return `array of ${s.items ? typeOf(s.items) : 'any'}`;
  if (type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties)
    return `map of ${typeOf(s.additionalProperties)}`;
  return s.format ? `${type} (${s.format})` : type;
}

/** The limits a client must respect: lengths, ranges, item counts. */
function limitsOf(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined && s.minLength > 0) parts.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined && s.minItems > 0) parts.push(`≥ ${s.minItems} items`);
  if (s.maxItems !== undefined) parts.push(`≤ ${s.maxItems} items`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) parts.push(s.description);
  return parts.join(', ');
}

/** Field rows of an object schema, nested objects and arrays of objects flattened with dotted paths. */
function fieldRows(s: JsonSchema, prefix = '', depth = 0): string[] {
  const object = s.anyOf ? s.anyOf.find((o) => o.properties) : s;
  if (!object?.properties || depth > 3) return [];
  return Object.entries(object.properties).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const required = object.required?.includes(name) ? 'yes' : '';
    const row = `| \`${path}\` | ${typeOf(field)} | ${required} | ${limitsOf(field)} |`;
    const inner = field.items?.properties
      ? fieldRows(field.items, `${path}[].`, depth + 1)
      : field.properties
        ? fieldRows(field, `${path}.`, depth + 1)
        : [];
    return [row, ...inner];
  });
}

function fieldsTable(schema: z.ZodType, io: 'input' | 'output'): string[] {
  const json = toJson(schema, io);
  const rows = fieldRows(json);
  if (rows.length === 0) return [`Payload: ${typeOf(json)}.`, ''];
  const union = json.anyOf && json.anyOf.length > 1 ? [`One of ${json.anyOf.length} shapes; the first:`, ''] : [];
  return [...union, '| field | type | required | limits |', '|---|---|---|---|', ...rows, ''];
}

const who = (roles: readonly string[] | 'public') => (roles === 'public' ? 'anyone' : roles.join(', '));

/**
 * The generated part of docs/protocol.md: every REST route and every Socket.IO event of the
 * contract with who may use it and the fields, types and limits of what it takes, from the zod
 * schemas the API validates with. `npm run docs:protocol` writes it; a test fails when it is stale.
 */
export function renderProtocolReference(): string {
  const lines: string[] = ['## REST routes', ''];
  for (const [tag, routes] of Object.entries(contractRouteTables)) {
    lines.push(`### ${tag}`, '');
    for (const route of Object.values(routes)) {
      lines.push(
        `#### \`${route.method} ${route.path}\``,
        '',
        `${route.summary}. Who: ${who(route.roles)}.${route.status ? ` Answers ${route.status}.` : ''}`,
        '',
      );
      if (route.query) lines.push('Query:', '', ...fieldsTable(route.query, 'input'));
      if (route.body) lines.push('Body:', '', ...fieldsTable(route.body, 'input'));
    }
  }
  lines.push('## Socket.IO namespaces', '');
  for (const namespace of Object.keys(namespaceRoles) as Namespace[]) {
    lines.push(`### \`${namespace}\``, '', `Who: ${namespaceRoles[namespace].join(', ')}.`, '');
    for (const [event, schema] of Object.entries(clientEventSchemas[namespace] as Record<string, z.ZodType>)) {
      lines.push(`#### client → server \`${event}\` (acknowledged)`, '', ...fieldsTable(schema, 'input'));
    }
    for (const [event, schema] of Object.entries(serverEventSchemas[namespace] as Record<string, z.ZodType>)) {
      lines.push(`#### server → client \`${event}\``, '', ...fieldsTable(schema, 'output'));
    }
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

export const PROTOCOL_REFERENCE_START =
  '<!-- generated from libs/contracts by `npm run docs:protocol`: do not edit below -->';
