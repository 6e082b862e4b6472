import { z } from 'zod';
import { defineRoutes } from '../common/rest-route';

export const healthCheckSchema = z.object({
  status: z.enum(['up', 'down', 'degraded']),
  message: z.string().optional(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'error']),
  checks: z.record(z.string(), healthCheckSchema),
});
export type Health = z.infer<typeof healthSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const healthRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and dependencies (503 when a dependency is down)',
    roles: 'public',
    response: healthSchema,
  },
});
