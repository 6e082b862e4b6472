import type { IncomingMessage } from 'node:http';
import { proxyTrust } from '../http/client-ip';
import { OriginPolicy } from './origin-policy';

interface Handshake {
  origin?: string;
  host?: string;
  /** The peer's address: loopback is the trusted proxy here. */
  from?: string;
  tls?: boolean;
  forwardedProto?: string;
}

function request({
  origin,
  host = 'crm.local:3000',
  from = '203.0.113.7',
  tls = false,
  forwardedProto,
}: Handshake): IncomingMessage {
  const headers: Record<string, string> = {};
  if (origin !== undefined) headers['origin'] = origin;
  if (host) headers['host'] = host;
  if (forwardedProto) headers['x-forwarded-proto'] = forwardedProto;
  return { headers, socket: { remoteAddress: from, encrypted: tls } } as unknown as IncomingMessage;
}

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://widget.example.com'], proxyTrust('loopback'));
  const allows = (handshake: Handshake) => policy.allowsRequest(request(handshake));

  it('admits a page of the very origin the socket was opened on, over http and over TLS', () => {
    expect(allows({ origin: 'http://crm.local:3000' })).toBe(true);
    expect(allows({ origin: 'https://crm.local:3000', tls: true })).toBe(true);
  });

  it('refuses the same host under the other scheme', () => {
    expect(allows({ origin: 'https://crm.local:3000' })).toBe(false);
    expect(allows({ origin: 'http://crm.local:3000', tls: true })).toBe(false);
  });

  it('refuses the same host on another port, and another host', () => {
    expect(allows({ origin: 'http://crm.local:3001' })).toBe(false);
    expect(allows({ origin: 'http://crm.local.evil.example:3000' })).toBe(false);
    expect(allows({ origin: 'http://evil.example', host: 'crm.local' })).toBe(false);
  });

  it('matches the default port as browsers write it (left out)', () => {
    expect(allows({ origin: 'http://crm.local', host: 'crm.local:80' })).toBe(true);
    expect(allows({ origin: 'https://crm.local', host: 'crm.local:443', tls: true })).toBe(true);
  });

  it('takes https from the X-Forwarded-Proto of a trusted proxy only', () => {
    expect(allows({ origin: 'https://crm.local:3000', from: '127.0.0.1', forwardedProto: 'https' })).toBe(true);
    expect(allows({ origin: 'http://crm.local:3000', from: '127.0.0.1', forwardedProto: 'https' })).toBe(false);
    expect(allows({ origin: 'https://crm.local:3000', from: '203.0.113.7', forwardedProto: 'https' })).toBe(false);
    expect(allows({ origin: 'http://crm.local:3000', from: '203.0.113.7', forwardedProto: 'https' })).toBe(true);
  });

  it('admits CORS_ORIGINS exactly and refuses every other origin', () => {
    expect(allows({ origin: 'https://widget.example.com' })).toBe(true);
    expect(allows({ origin: 'http://widget.example.com' })).toBe(false);
    expect(allows({ origin: 'https://widget.example.com:8443' })).toBe(false);
    expect(allows({ origin: 'https://evil.example.net' })).toBe(false);
    expect(allows({ origin: 'null' })).toBe(false);
  });

  it('admits only CORS_ORIGINS when the request names no host', () => {
    expect(allows({ origin: 'http://crm.local:3000', host: '' })).toBe(false);
    expect(allows({ origin: 'https://widget.example.com', host: '' })).toBe(true);
  });

  it('lets a request without Origin through: it does not come from a page', () => {
    expect(allows({})).toBe(true);
    expect(allows({ tls: true, host: '' })).toBe(true);
  });
});
