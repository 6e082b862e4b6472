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

/** Liveness: the process serves HTTP, whatever its dependencies say (for load balancers). */
export const livenessSchema = z.object({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;
export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const healthRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Dependencies and the realtime canary: ok, degraded (200) or error (503 when a dependency is down)',
    roles: 'public',
    response: healthSchema,
  },
  live: {
    method: 'GET',
    path: '/api/health/live',
    summary: 'Liveness for load balancers: 200 while the process serves, even when a shared dependency is down',
    roles: 'public',
    response: livenessSchema,
  },
});
