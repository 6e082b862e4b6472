import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import type { Namespace } from 'socket.io';
import type { LoginResponse, Role, StaffRole, User } from '@switchboard/contracts';
import { startServer, type RunningServer, type ServerOptions } from '../../src/app/server';
import { ConversationRoomsService } from '../../src/app/chat/services/conversation-rooms.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface TestApp {
  server: RunningServer;
  url: string;
  db: TestDatabase;
  http<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<HttpResult<T>>;
  login(email: string, password: string): Promise<LoginResponse>;
  adminToken(): Promise<string>;
  /** Creates a staff user through the API and logs them in. */
  createUser(role: StaffRole, name?: string): Promise<{ user: User; token: string; password: string }>;
  /** A token of a new session for `claims`, expiring in `seconds` (for tests of expiry). */
  sessionToken(claims: { sub: string; role: Role; name: string }, seconds: number): Promise<string>;
  /** This node's server side of /chat (to look at its rooms and engine). */
  chatNamespace(): Namespace;
  socket(
    namespace: string,
    opts?: {
      token?: string;
      auth?: Record<string, unknown>;
      headers?: Record<string, string>;
      query?: Record<string, string>;
    },
  ): Socket;
  close(): Promise<void>;
}

let counter = 0;

/**
 * The whole api on a random port with its own fresh database, or on `shared` (another node of
 * the same deployment: the database is then left for its creator to drop).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: ServerOptions = {},
  shared?: TestDatabase,
): Promise<TestApp> {
  const db = shared ?? (await createTestDatabase());
  const server = await startServer(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      // Tests start many chats and sessions from one address; the tests of these limits set their own.
      RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '10000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
      CRM_DIST_DIR: '/nonexistent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-data-')),
      // With REDIS_URL set (CI) every test app shares one Redis, and two files run side by side: a
      // prefix per database keeps each deployment's adapter channels, cluster notes and counters to
      // itself (nodes sharing a database are one deployment and share it).
      REDIS_KEY_PREFIX: `sbtest-${db.name}`,
      ...env,
    },
    options,
  );
  const url = `http://127.0.0.1:${server.port}`;
  const sockets: Socket[] = [];
  let adminToken: string | undefined;

  const app: TestApp = {
    server,
    url,
    db,
    async http(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed as any, headers: res.headers, text };
    },
    async login(email, password) {
      const res = await app.http<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
      return res.body;
    },
    async adminToken() {
      adminToken ??= (await app.login(ADMIN.email, ADMIN.password)).accessToken;
      return adminToken;
    },
    async createUser(role, name) {
      const n = ++counter;
      const password = `password-${n}-${role}`;
      const email = `${role}${n}@test.local`;
      const res = await app.http<User>('POST', '/api/users', {
        token: await app.adminToken(),
        body: { email, name: name ?? `${role} ${n}`, role, password },
      });
      if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${res.text}`);
      return { user: res.body, token: (await app.login(email, password)).accessToken, password };
    },
    async sessionToken(claims, seconds) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO sessions (subject_id, is_contact, expires_at) VALUES ($1, $2, now() + $3 * interval '1 second') RETURNING id`,
          [claims.sub, claims.role === 'contact', seconds],
        );
        return new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...claims, sid: rows[0].id }, { expiresIn: seconds });
      } finally {
        await client.end();
      }
    },
    chatNamespace() {
      const ns = (server.app.get(ConversationRoomsService) as unknown as { ns: Namespace | null }).ns;
      if (!ns) throw new Error('the chat gateway has not started');
      return ns;
    },
    socket(namespace, opts = {}) {
      const s = io(url + namespace, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: opts.auth ?? (opts.token ? { token: opts.token } : {}),
        extraHeaders: opts.headers,
        query: opts.query,
      });
      sockets.push(s);
      return s;
    },
    async close() {
      sockets.forEach((s) => s.disconnect());
      await server.close();
      if (!shared) await db.drop();
    },
  };
  return app;
}

/** Resolves when the socket connects, or with the connect_error message. */
export function connectOutcome(socket: Socket): Promise<{ connected: true } | { connected: false; error: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (err) => resolve({ connected: false, error: err.message }));
  });
}

/** Resolves with the next payload of `event` on `socket`, or rejects after `ms`. */
export function nextEvent<T = any>(socket: Socket, event: string, ms = 3_000): Promise<T> {
  return nextEventWhere<T>(socket, event, () => true, ms);
}

/** Resolves with the next payload of `event` on `socket` that `matches` (others are skipped), or rejects after `ms`. */
export function nextEventWhere<T = any>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean,
  ms = 3_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, listener);
  });
}

/** Resolves with how long the socket took to be disconnected by the server, or rejects after `ms`. */
export function disconnectedWithin(socket: Socket, ms: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

/** Emits with an acknowledgement and resolves with the ack. */
export function emitAck<T = any>(socket: Socket, event: string, payload: unknown, ms = 5_000): Promise<T> {
  return socket.timeout(ms).emitWithAck(event, payload) as Promise<T>;
}

/** Collects every payload of `event` on `socket` from now on. */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

/** A socket that is connected (throws with the connect_error otherwise). */
export async function connected(socket: Socket): Promise<Socket> {
  const outcome = await connectOutcome(socket);
  if (!outcome.connected) throw new Error(`socket refused: ${outcome.error}`);
  return socket;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` passes or fails after `ms`. */
export async function eventually(check: () => void | Promise<void>, ms = 3_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() - started > ms) throw err;
      await sleep(25);
    }
  }
}
