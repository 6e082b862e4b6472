import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectOutcome, startTestApp, type TestApp } from '../support/test-app';

/** A built app reduced to its index.html, so `/` and deep links are served as in production. */
function tinyCrmDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-crm-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title><sb-root></sb-root>');
  copyFileSync(join(__dirname, '../../../crm/public/widget.js'), join(dir, 'widget.js'));
  return dir;
}

/** The Content-Security-Policy header as directive → sources. */
function csp(headers: Headers): Map<string, string[]> {
  const header = headers.get('content-security-policy');
  if (!header) throw new Error('no Content-Security-Policy header');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** What every page and answer must carry, whatever its kind. */
function expectCommonHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-powered-by')).toBeNull();
  const policy = csp(headers);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
}

/** Not frameable by any site, in CSP and in the older header. */
function expectNotFrameable(headers: Headers): void {
  expect(csp(headers).get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers.get('x-frame-options')).toBe('DENY');
}

describe('security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      CRM_DIST_DIR: tinyCrmDist(),
      WIDGET_FRAME_ANCESTORS: 'https://shop.example, https://partner.example:8443',
    });
  });
  afterAll(() => app.close());

  it('an API answer, and an API error, cannot be framed and load nothing foreign', async () => {
    const live = await app.http('GET', '/api/health/live');
    expect(live.status).toBe(200);
    expectCommonHeaders(live.headers);
    expectNotFrameable(live.headers);
    expect(csp(live.headers).get('default-src')).toEqual(["'self'"]);

    const unknown = await app.http('GET', '/api/no-such-route');
    expect(unknown.status).toBe(404);
    expectCommonHeaders(unknown.headers);
    expectNotFrameable(unknown.headers);
  });

  it('the app at / and its deep links run only their own scripts and cannot be framed', async () => {
    for (const path of ['/', '/inbox/42', '/login']) {
      const page = await app.http('GET', path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<sb-root>');
      expectCommonHeaders(page.headers);
      expectNotFrameable(page.headers);
      const policy = csp(page.headers);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(policy.get('form-action')).toEqual(["'self'"]);
    }
  });

  it('the widget may be framed by the sites WIDGET_FRAME_ANCESTORS names, and by no other', async () => {
    for (const path of ['/widget', '/widget/', '/widget?lang=es']) {
      const page = await app.http('GET', path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<sb-root>');
      expectCommonHeaders(page.headers);
      expect(csp(page.headers).get('frame-ancestors')).toEqual([
        'https://shop.example',
        'https://partner.example:8443',
      ]);
      // X-Frame-Options cannot name those sites: present, it would forbid them what CSP allows.
      expect(page.headers.get('x-frame-options')).toBeNull();
    }
    // A path that only starts like the widget's is an ordinary page.
    expectNotFrameable((await app.http('GET', '/widgets')).headers);
    expectNotFrameable((await app.http('GET', '/widget/anything-else')).headers);
  });

  it('the embed script loads from any site (Cross-Origin-Resource-Policy), and nothing else does', async () => {
    const script = await app.http('GET', '/widget.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.text).toContain("'/widget?embed='");
    expectCommonHeaders(script.headers);
    expectNotFrameable(script.headers);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    for (const path of ['/', '/widget', '/api/health/live', '/widget.json'])
      expect((await app.http('GET', path)).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('the OpenAPI page is served under the same policy, unframeable (csp.e2e.ts runs it in Chromium)', async () => {
    const docs = await app.http('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui-bundle.js');
    expectCommonHeaders(docs.headers);
    expectNotFrameable(docs.headers);
    // Swagger UI's page carries inline <style> blocks and data: icons.
    expect(csp(docs.headers).get('style-src')).toContain("'unsafe-inline'");
    expect(csp(docs.headers).get('img-src')).toContain('data:');
    expect((await app.http('GET', '/api/docs/openapi.json')).status).toBe(200);
  });

  it('HSTS only when the client came over TLS, as the trusted proxy in front says', async () => {
    const throughTls = await app.http('GET', '/api/health/live', { headers: { 'x-forwarded-proto': 'https' } });
    expect(throughTls.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    const widget = await app.http('GET', '/widget', { headers: { 'x-forwarded-proto': 'https' } });
    expect(widget.headers.get('strict-transport-security')).toMatch(/^max-age=/);

    expect((await app.http('GET', '/api/health/live')).headers.get('strict-transport-security')).toBeNull();
    expect(
      (await app.http('GET', '/', { headers: { 'x-forwarded-proto': 'http' } })).headers.get(
        'strict-transport-security',
      ),
    ).toBeNull();
  });

  it('a socket from a page of the same host under the other scheme is refused; the same origin is admitted', async () => {
    const token = await app.adminToken();
    const { host } = new URL(app.url);
    const open = (headers: Record<string, string>) => connectOutcome(app.socket('/chat', { token, headers }));

    expect((await open({ origin: `https://${host}` })).connected).toBe(false);
    expect(await open({ origin: `http://${host}` })).toEqual({ connected: true });
    // Behind the trusted proxy that terminated TLS, the page's origin is https.
    expect(await open({ origin: `https://${host}`, 'x-forwarded-proto': 'https' })).toEqual({ connected: true });
    expect((await open({ origin: `http://${host}`, 'x-forwarded-proto': 'https' })).connected).toBe(false);
  });
});

describe('security headers behind a proxy TRUST_PROXY does not name', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: '10.0.0.0/8' });
  });
  afterAll(() => app.close());

  it('its X-Forwarded-Proto is not believed: no HSTS, and the socket origin stays http', async () => {
    const claimed = { 'x-forwarded-proto': 'https' };
    expect(
      (await app.http('GET', '/api/health/live', { headers: claimed })).headers.get('strict-transport-security'),
    ).toBeNull();

    const token = await app.adminToken();
    const { host } = new URL(app.url);
    expect(
      (await connectOutcome(app.socket('/chat', { token, headers: { ...claimed, origin: `https://${host}` } })))
        .connected,
    ).toBe(false);
    expect(
      await connectOutcome(app.socket('/chat', { token, headers: { ...claimed, origin: `http://${host}` } })),
    ).toEqual({ connected: true });
  });
});
