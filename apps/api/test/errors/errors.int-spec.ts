import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

describe('error shapes and the served app', () => {
  let app: TestApp;
  let crmDir: string;
  beforeAll(async () => {
    crmDir = await mkdtemp(join(tmpdir(), 'crm-dist-'));
    await writeFile(
      join(crmDir, 'index.html'),
      '<!doctype html><html><body><sb-root>Switchboard</sb-root></body></html>',
    );
    app = await startTestApp({ CRM_DIST_DIR: crmDir });
  });
  afterAll(() => app.close());

  it('malformed JSON is a 400 JSON error, not an HTML page', async () => {
    const res = await app.http('POST', '/api/auth/login', { raw: '{"email": "a@b.c",' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({ error: { code: 'validation_failed', message: 'The request body is not valid JSON' } });
  });

  it('a body over the limit is a 413 payload_too_large', async () => {
    const res = await app.http('POST', '/api/auth/login', {
      raw: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('an unknown /api route is a JSON 404, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await app.http(method, '/api/no/such/route');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'No such route' } });
    }
  });

  it('errors carry no stack trace or internals', async () => {
    const res = await app.http('POST', '/api/users', {
      token: await app.adminToken(),
      body: { email: 1, name: { $ne: 1 } },
    });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('serves the Angular app at / and index.html for deep links', async () => {
    const root = await app.http('GET', '/');
    expect(root.status).toBe(200);
    expect(root.text).toContain('<sb-root>');
    const deep = await app.http('GET', '/inbox/4b1c7a9e-1f0e-4b1e-9a57-0a6c5f1f2b3c');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<sb-root>');
  });

  it('serves OpenAPI docs generated from the contract schemas', async () => {
    const doc = await app.http('GET', '/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    const login = doc.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(doc.body.paths['/api/users'].get.description).toContain('admin, supervisor');
    expect((await app.http('GET', '/api/docs')).text).toContain('swagger');
  });
});
