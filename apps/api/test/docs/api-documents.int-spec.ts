import { clientEventSchemas, contractRoutes, serverEventSchemas } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

/** Both halves of the contract are served as documents generated from its zod schemas. */
describe('API documents under /api/docs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('OpenAPI lists every REST route of the contract, with its request body schema', async () => {
    const res = await app.http('GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, { requestBody?: unknown }>>;
    for (const route of contractRoutes) {
      const operation = paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect({
        route: `${route.method} ${route.path}`,
        documented: !!operation,
        body: !!route.body === !!operation?.requestBody,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        documented: true,
        body: true,
      });
    }
  });

  it('AsyncAPI lists every namespace with every event clients send and every push, with payload schemas', async () => {
    const res = await app.http('GET', '/api/docs/asyncapi.json');
    expect(res.status).toBe(200);
    expect(res.body.asyncapi).toBe('3.0.0');
    const { channels, operations, components } = res.body;
    expect(
      Object.values(channels as Record<string, { address: string }>)
        .map((c) => c.address)
        .sort(),
    ).toEqual(['/bulk', '/chat', '/notifications', '/stats']);
    for (const [namespace, events] of [...Object.entries(clientEventSchemas), ...Object.entries(serverEventSchemas)]) {
      for (const event of Object.keys(events)) {
        const key = `${namespace.slice(1)}.${event}`;
        expect(operations[key]?.action).toBe(
          event in (clientEventSchemas as Record<string, object>)[namespace] ? 'send' : 'receive',
        );
        const payload = components.messages[key].payload as { type?: string; anyOf?: unknown[] };
        expect({ key, schema: payload.type === 'object' || Array.isArray(payload.anyOf) }).toEqual({
          key,
          schema: true,
        });
      }
    }
    expect(components.messages['chat.new_message'].payload.required).toEqual(['message', 'conversation']);
    expect(components.messages['chat.chat_message'].payload.properties.content.maxLength).toBe(10_000);
  });
});
