import { z } from 'zod';
import type { OpenAPIObject } from '@nestjs/swagger';
import { contractRouteTables, errorResponseSchema } from '@switchboard/contracts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

function queryParameters(schema: z.ZodType): Record<string, unknown>[] {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The OpenAPI document served at /api/docs, generated from the same zod schemas the API validates with. */
export function buildOpenApiDocument(): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorBody = { content: { 'application/json': { schema: jsonSchema(errorResponseSchema, 'output') } } };

  for (const [tag, routes] of Object.entries(contractRouteTables)) {
    for (const route of Object.values(routes)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const status = String(route.status ?? (route.method === 'DELETE' ? 204 : 200));
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = {
        tags: [tag],
        summary: route.summary,
        description: route.roles === 'public' ? 'No token needed.' : `Roles: ${route.roles.join(', ')}.`,
        security: route.roles === 'public' ? [] : [{ bearer: [] }],
        parameters: [
          ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
            name: m[1],
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          })),
          ...(route.query ? queryParameters(route.query) : []),
        ],
        ...(route.body && {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }),
        responses: {
          [status]: route.response
            ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
            : { description: 'OK' },
          default: { description: 'Error', ...errorBody },
        },
      };
    }
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'Switchboard API',
      version: '1',
      description: 'REST half of the public contract; the realtime half is Socket.IO.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  } as OpenAPIObject;
}
