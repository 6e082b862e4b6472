import type { ChannelStatus } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/channels/status: what the settings page shows about WhatsApp', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ WHATSAPP_VERIFY_TOKEN: 'verify-me-123', WHATSAPP_APP_SECRET: 'app-secret-456' });
  });
  afterAll(() => app.close());

  it('tells admins the provider, which settings are present (never their values), the state and the webhook path', async () => {
    const res = await app.http<ChannelStatus>('GET', '/api/channels/status', { token: await app.adminToken() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      provider: 'sandbox',
      whatsappState: expect.stringMatching(/^(connected|unknown)$/),
      webhookPath: '/api/channels/whatsapp/webhook',
      configured: { verifyToken: true, appSecret: true, token: false, phoneNumberId: false },
      apiUrl: 'https://graph.facebook.com/v21.0',
    });
    expect(res.text).not.toContain('verify-me-123');
    expect(res.text).not.toContain('app-secret-456');
  });

  it('is for admins only', async () => {
    const supervisor = await app.createUser('supervisor');
    expect((await app.http('GET', '/api/channels/status', { token: supervisor.token })).status).toBe(403);
    expect((await app.http('GET', '/api/channels/status')).status).toBe(401);
  });
});
