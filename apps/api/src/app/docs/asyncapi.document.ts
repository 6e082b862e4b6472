import { z } from 'zod';
import { clientEventSchemas, namespaceRoles, serverEventSchemas, type Namespace } from '@switchboard/contracts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
const id = (namespace: string, event: string) => `${namespace.slice(1)}.${event}`;

/**
 * The realtime half of the contract as an AsyncAPI 3 document, generated from the same zod
 * schemas the gateways parse with and the pushes are typed by: one channel per namespace, what
 * clients send (acknowledged) and what the server pushes. Served at /api/docs/asyncapi.json.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const namespace of Object.keys(namespaceRoles) as Namespace[]) {
    const channel = namespace.slice(1);
    const channelMessages: Record<string, { $ref: string }> = {};
    const add = (event: string, schema: z.ZodType, direction: 'send' | 'receive') => {
      const key = id(namespace, event);
      messages[key] = { name: event, payload: jsonSchema(schema, direction === 'send' ? 'input' : 'output') };
      channelMessages[event] = { $ref: `#/components/messages/${key}` };
      operations[key] = {
        action: direction,
        channel: { $ref: `#/channels/${channel}` },
        messages: [{ $ref: `#/channels/${channel}/messages/${event}` }],
        ...(direction === 'send' && {
          description:
            'Acknowledged: `{ok: true, data}` or `{ok: false, error: {code, message, details?, retryAfterSeconds?}}`.',
        }),
      };
    };
    for (const [event, schema] of Object.entries(clientEventSchemas[namespace] as Record<string, z.ZodType>))
      add(event, schema, 'send');
    for (const [event, schema] of Object.entries(serverEventSchemas[namespace] as Record<string, z.ZodType>))
      add(event, schema, 'receive');
    channels[channel] = {
      address: namespace,
      description: `Socket.IO namespace ${namespace}, for ${namespaceRoles[namespace].join(', ')}. The token goes in the handshake's auth: {token}.`,
      messages: channelMessages,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Switchboard realtime API',
      version: '1',
      description:
        'Socket.IO under /socket.io: the realtime half of the public contract; the REST half is /api/docs/openapi.json.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
