import type { IncomingMessage } from 'node:http';
import { clientProtocol, type ProxyTrust } from '../http/client-ip';

/**
 * Same origin plus `CORS_ORIGINS`. An origin is scheme, host and port: a page on
 * http://crm.example is not https://crm.example (anyone on the network can write into the plain
 * one), so the host alone does not make a request same-origin. A request without an `Origin`
 * header is not from a browser page (server-side clients, load tools) and cannot be a cross-site
 * attack, so it passes.
 */
export class OriginPolicy {
  private readonly extra: Set<string>;

  constructor(
    extraOrigins: readonly string[],
    /** Whose `X-Forwarded-Proto` tells the scheme the client used (`TRUST_PROXY`). */
    private readonly trust: ProxyTrust,
  ) {
    this.extra = new Set(extraOrigins.map((o) => new URL(o).origin));
  }

  allowsRequest(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    // Browsers send the origin serialised (lower case, no default port), as URL.origin writes it.
    return origin === this.ownOrigin(req) || this.extra.has(origin);
  }

  /** For the `cors` packages: the list of extra origins (same origin needs no CORS headers). */
  get corsOrigins(): string[] {
    return [...this.extra];
  }

  /** The origin the client addressed: the scheme it used and its Host header. */
  private ownOrigin(req: IncomingMessage): string | null {
    const host = req.headers.host;
    if (!host) return null;
    try {
      return new URL(`${clientProtocol(req, this.trust)}://${host}`).origin;
    } catch {
      return null;
    }
  }
}
