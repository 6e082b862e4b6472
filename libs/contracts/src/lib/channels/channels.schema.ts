import { z } from 'zod';

/** One send the sandbox provider recorded instead of calling WhatsApp. */
export const sandboxOutboxItemSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  content: z.string(),
  campaignId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type SandboxOutboxItem = z.infer<typeof sandboxOutboxItemSchema>;

export const sandboxOutboxQuerySchema = z.object({
  to: z.string().trim().min(1).max(32).optional(),
  campaignId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(200).optional(),
});
export type SandboxOutboxQuery = z.infer<typeof sandboxOutboxQuerySchema>;

export const sandboxOutboxPageSchema = z.object({ items: z.array(sandboxOutboxItemSchema), nextCursor: z.string().nullable() });
export type SandboxOutboxPage = z.infer<typeof sandboxOutboxPageSchema>;

export const channelsRoutes = {
  sandboxOutbox: {
    method: 'GET',
    path: '/api/channels/sandbox/outbox',
    summary: 'Every send the sandbox provider recorded, newest first',
    roles: ['admin'],
    query: sandboxOutboxQuerySchema,
    response: sandboxOutboxPageSchema,
  },
} as const;
