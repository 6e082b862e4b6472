import type { z } from 'zod';

/**
 * One REST route described once: the API validates with these schemas and the OpenAPI
 * document at /api/docs is generated from the same objects.
 */
export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  /** Roles allowed; `public` needs no token. */
  roles: readonly string[] | 'public';
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

export const defineRoutes = <T extends Record<string, RestRoute>>(routes: T): T => routes;
