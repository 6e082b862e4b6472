/** Starts the built Switchboard API on a throwaway database and creates the scenario's users and conversations. */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { captureOutput, freePort, spawnNode, waitForLine } from '../shared/processes';
import { MAIN, ROOT } from '../shared/product-build';
export { buildInfo, ensureBuilt } from '../shared/product-build';
import type { BenchDatabase } from '../shared/bench-database';


export interface ConversationSockets {
  conversationId: string;
  customerToken: string;
  /** Tokens of the staff sockets that receive this conversation (one socket per entry). */
  staffTokens: string[];
}

export interface RunningProduct {
  child: ChildProcess;
  url: string;
  log: ReturnType<typeof captureOutput>;
}


export const ADMIN = { email: 'bench-admin@example.com', password: `bench-${randomBytes(8).toString('hex')}` };

/** `jwtSecret` is kept across a restart so the tokens already issued stay valid. */
export async function startProduct(db: BenchDatabase, jwtSecret: string): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawnNode(MAIN, {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: db.url,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
    RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '100000',
  }, ROOT);
  const log = captureOutput(child);
  await waitForLine(child, /Switchboard is running at/, 60_000, 'the product');
  log.clear();
  return { child, url: `http://127.0.0.1:${port}`, log };
}

async function call<T>(url: string, method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const login = (url: string, email: string, password: string) =>
  call<{ accessToken: string }>(url, 'POST', '/auth/login', { email, password }).then((r) => r.accessToken);

/**
 * The admin and two supervisors (they see every conversation, so no assignment is needed), and
 * one widget session per conversation. Staff sockets: `shared` = 3 sockets each in every room;
 * otherwise 3 sockets per conversation (one per staff user), 2,000 sockets in all for 500.
 */
export async function setUpScenario(url: string, conversations: number, shared: boolean): Promise<{ plan: ConversationSockets[]; staffSocketCount: number }> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const staffTokens = [adminToken];
  for (const n of [1, 2]) {
    const email = `bench-supervisor-${n}@example.com`;
    const password = `bench-${randomBytes(8).toString('hex')}`;
    await call(url, 'POST', '/users', { email, name: `Bench Supervisor ${n}`, role: 'supervisor', password }, adminToken);
    staffTokens.push(await login(url, email, password));
  }
  const plan: ConversationSockets[] = new Array(conversations);
  let next = 0;
  const worker = async () => {
    while (next < conversations) {
      const i = next++;
      const s = await call<{ contactToken: string; conversation: { id: string } }>(url, 'POST', '/widget/sessions', { name: `Bench Customer ${i}` });
      plan[i] = { conversationId: s.conversation.id, customerToken: s.contactToken, staffTokens };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { plan, staffSocketCount: shared ? staffTokens.length : staffTokens.length * conversations };
}
