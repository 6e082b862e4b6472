import type { IncomingMessage } from 'node:http';

/**
 * Same origin plus `CORS_ORIGINS`. A request without an `Origin` header is not from a browser
 * page (server-side clients, load tools) and cannot be a cross-site attack, so it passes.
 */
export class OriginPolicy {
  private readonly extra: Set<string>;

  constructor(extraOrigins: readonly string[]) {
    this.extra = new Set(extraOrigins.map((o) => new URL(o).origin));
  }

  allowsRequest(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    return this.allows(origin, req.headers.host);
  }

  allows(origin: string, host: string | undefined): boolean {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    return (host !== undefined && parsed.host === host) || this.extra.has(parsed.origin);
  }

  /** For the `cors` packages: the list of extra origins (same origin needs no CORS headers). */
  get corsOrigins(): string[] {
    return [...this.extra];
  }
}
