import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * `TRUST_PROXY` read the way Express reads its "trust proxy" setting (true, a hop count, or
 * addresses, CIDRs and keywords such as `loopback`), for what Express does not serve: the
 * Socket.IO handshake.
 */
export function proxyTrust(setting: boolean | number | string): ProxyTrust {
  if (setting === true) return () => true;
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting.split(',').map((s) => s.trim()));
}

/** The client's address: the peer's, or what the trusted proxies in front of it say. */
export const clientIp = (req: IncomingMessage, trust: ProxyTrust): string => proxyaddr(req, trust);

/**
 * The scheme the client used: https when the connection is TLS, or when a trusted proxy in front
 * says so with `X-Forwarded-Proto`.
 */
export function clientProtocol(req: IncomingMessage, trust: ProxyTrust): 'http' | 'https' {
  if ((req.socket as { encrypted?: boolean }).encrypted) return 'https';
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return first === 'https' && trust(req.socket.remoteAddress ?? '', 0) ? 'https' : 'http';
}
