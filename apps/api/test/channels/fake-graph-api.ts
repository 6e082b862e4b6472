import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface GraphReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this long (timeouts). */
  delayMs?: number;
}

/**
 * A stand-in for graph.facebook.com on a random local port: records every request and answers
 * from a script (then the default: a message id for sends, the number's record for GETs).
 */
export interface FakeGraphApi {
  url: string;
  requests: GraphRequest[];
  /** The next answers, in order. */
  script(...replies: GraphReply[]): void;
  /** Answer every request like this until `always(null)`. */
  always(reply: GraphReply | null): void;
  close(): Promise<void>;
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: GraphRequest[] = [];
  let queue: GraphReply[] = [];
  let fixed: GraphReply | null = null;
  let sent = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      });
      const reply =
        queue.shift() ??
        fixed ??
        (req.method === 'POST'
          ? {
              status: 200,
              body: {
                messaging_product: 'whatsapp',
                contacts: [{ input: 'x', wa_id: 'x' }],
                messages: [{ id: `wamid.fake.${++sent}` }],
              },
            }
          : { status: 200, body: { id: 'phone', display_phone_number: '+1 555 0100', verified_name: 'Switchboard' } });
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    requests,
    script: (...replies) => void (queue = [...queue, ...replies]),
    always: (reply) => void (fixed = reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Graph's error body. */
export const graphError = (code: number, details = 'error', status = 400): GraphReply => ({
  status,
  body: {
    error: {
      message: `(#${code}) ${details}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'trace',
    },
  },
});
