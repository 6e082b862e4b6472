import { io, type Socket } from 'socket.io-client';
import type { LoginResponse } from '@switchboard/contracts';
import { freePort, startApiProcess, type ApiProcess } from '../support/api-process';
import { ADMIN, TEST_JWT_SECRET } from '../support/test-app';

/** One built api process (`node dist/apps/api/main.js`) and how to talk to it. */
export interface ApiNode {
  process: ApiProcess;
  url: string;
  http<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  login(email: string, password: string): Promise<LoginResponse>;
  socket(namespace: string, token: string): Socket;
}

/** Starts a node as `npm start` would, sharing `env` (database, Redis) with its peers. */
export async function startApiNode(env: Record<string, string>): Promise<ApiNode> {
  const port = await freePort();
  const proc = startApiProcess({
    PORT: String(port),
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  await proc.waitFor('Switchboard is running');
  const url = `http://127.0.0.1:${port}`;
  const node: ApiNode = {
    process: proc,
    url,
    async http(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async login(email, password) {
      const res = await node.http<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
      return res.body;
    },
    socket(namespace, token) {
      return io(url + namespace, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    },
  };
  return node;
}

/**
 * Runs a test's body; if it fails, the failure carries what the nodes logged (warnings and up),
 * because a cross-node miss leaves no other trace (the processes are gone by the report).
 */
export async function withNodeLogs(nodes: ApiNode[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof Error) {
      const logs = nodes
        .map((n, i) => `--- node ${i} (${n.url}) ---\n${n.process.output().trim() || '(nothing logged)'}`)
        .join('\n');
      err.message += `\n\nWhat the api nodes logged:\n${logs}`;
    }
    throw err;
  }
}
