import { z } from 'zod';
import { text } from '../common/text.schema';
import { defineRoutes } from '../common/rest-route';
import { conversationSchema, messageSchema } from '../chat/chat.schema';
import { whatsappStateSchema } from '../stats/stats.schema';
import { roleGroups } from '../auth/role-groups';

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
  to: text().trim().min(1).max(32).optional(),
  campaignId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: text().min(1).max(200).optional(),
});
export type SandboxOutboxQuery = z.infer<typeof sandboxOutboxQuerySchema>;

export const sandboxOutboxPageSchema = z.object({
  items: z.array(sandboxOutboxItemSchema),
  nextCursor: z.string().nullable(),
});
export type SandboxOutboxPage = z.infer<typeof sandboxOutboxPageSchema>;

/** E.164: a plus and 8 to 15 digits. */
export const e164Schema = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number like +15551234567');

/** POST /api/channels/sandbox/inbound: a customer writing on WhatsApp, simulated (sandbox provider only). */
export const sandboxInboundSchema = z.object({
  from: e164Schema,
  name: text().trim().min(1).max(120).optional(),
  text: text().trim().min(1).max(4096),
});
export type SandboxInbound = z.infer<typeof sandboxInboundSchema>;

export const sandboxInboundResultSchema = z.object({
  conversation: conversationSchema,
  message: messageSchema,
});
export type SandboxInboundResult = z.infer<typeof sandboxInboundResultSchema>;

export const templateCategorySchema = z.enum(['marketing', 'utility', 'authentication']);

/** Meta's rules: lowercase letters, digits and underscores; a language code like `en` or `en_US`. */
const templateNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and _ only');
const templateLanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code like en or en_US');
const templateBodySchema = text()
  .trim()
  .min(1)
  .max(1024)
  .refine((b) => placeholdersAreConsecutive(b), 'placeholders must be {{1}}, {{2}}… without gaps');

/** A WhatsApp message template as approved in Meta's manager: `{{1}}`… are the variables. */
export const messageTemplateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  language: z.string(),
  category: templateCategorySchema,
  body: z.string(),
  /** How many variables `body` takes ({{1}} … {{n}}). */
  variableCount: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const createTemplateSchema = z.object({
  name: templateNameSchema,
  language: templateLanguageSchema,
  category: templateCategorySchema.default('utility'),
  body: templateBodySchema,
});
export type CreateTemplate = z.infer<typeof createTemplateSchema>;

export const updateTemplateSchema = z
  .object({
    name: templateNameSchema,
    language: templateLanguageSchema,
    category: templateCategorySchema,
    body: templateBodySchema,
  })
  .partial()
  .refine((t) => Object.keys(t).length > 0, 'change at least one field');
export type UpdateTemplate = z.infer<typeof updateTemplateSchema>;

export const templateListSchema = z.object({ items: z.array(messageTemplateSchema) });
export type TemplateList = z.infer<typeof templateListSchema>;

/** The highest {{n}} in a template body (0 without placeholders). */
export function templateVariableCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
}

function placeholdersAreConsecutive(body: string): boolean {
  const used = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
  const n = templateVariableCount(body);
  for (let i = 1; i <= n; i++) if (!used.has(i)) return false;
  return true;
}

/** Where Meta must send the WhatsApp webhook (prefix it with the public origin). */
export const WHATSAPP_WEBHOOK_PATH = '/api/channels/whatsapp/webhook';

/** GET /api/channels/status (admins): which provider runs, which settings are present (never their values), the state. */
export const channelStatusSchema = z.object({
  provider: z.enum(['sandbox', 'cloud-api']),
  whatsappState: whatsappStateSchema,
  webhookPath: z.string(),
  /** Which WHATSAPP_* variables are set. */
  configured: z.object({
    verifyToken: z.boolean(),
    appSecret: z.boolean(),
    token: z.boolean(),
    phoneNumberId: z.boolean(),
  }),
  /** WHATSAPP_API_URL (not a secret). */
  apiUrl: z.string(),
});
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

export const channelsRoutes = defineRoutes({
  status: {
    method: 'GET',
    path: '/api/channels/status',
    summary: 'The WhatsApp channel: provider, which settings are present (never their values), state and webhook path',
    roles: roleGroups.admins,
    response: channelStatusSchema,
  },
  sandboxOutbox: {
    method: 'GET',
    path: '/api/channels/sandbox/outbox',
    summary: 'Every send the sandbox provider recorded, newest first',
    roles: roleGroups.admins,
    query: sandboxOutboxQuerySchema,
    response: sandboxOutboxPageSchema,
  },
  sandboxInbound: {
    method: 'POST',
    path: '/api/channels/sandbox/inbound',
    summary: 'Simulate a customer writing on WhatsApp (sandbox provider only; same path as the webhook)',
    roles: roleGroups.admins,
    status: 201,
    body: sandboxInboundSchema,
    response: sandboxInboundResultSchema,
  },
  whatsappVerify: {
    method: 'GET',
    path: '/api/channels/whatsapp/webhook',
    summary: "Meta's verification: answers hub.challenge (text/plain) when hub.verify_token is WHATSAPP_VERIFY_TOKEN",
    roles: 'public',
  },
  whatsappEvents: {
    method: 'POST',
    path: '/api/channels/whatsapp/webhook',
    summary: "Meta's webhook events; needs X-Hub-Signature-256 (HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET)",
    roles: 'public',
  },
  listTemplates: {
    method: 'GET',
    path: '/api/channels/templates',
    summary: 'WhatsApp message templates, by name and language (for replies, and for campaigns)',
    roles: roleGroups.staff,
    response: templateListSchema,
  },
  getTemplate: {
    method: 'GET',
    path: '/api/channels/templates/:id',
    summary: 'One template',
    roles: roleGroups.staff,
    response: messageTemplateSchema,
  },
  createTemplate: {
    method: 'POST',
    path: '/api/channels/templates',
    summary: 'Add a template (409 when the name and language exist)',
    roles: roleGroups.admins,
    status: 201,
    body: createTemplateSchema,
    response: messageTemplateSchema,
  },
  updateTemplate: {
    method: 'PATCH',
    path: '/api/channels/templates/:id',
    summary: 'Change a template',
    roles: roleGroups.admins,
    body: updateTemplateSchema,
    response: messageTemplateSchema,
  },
  deleteTemplate: {
    method: 'DELETE',
    path: '/api/channels/templates/:id',
    summary: 'Delete a template',
    roles: roleGroups.admins,
    status: 204,
  },
});
