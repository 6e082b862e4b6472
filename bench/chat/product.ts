/** Starts the built Switchboard API on a throwaway database and creates the scenario's users and conversations. */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { captureOutput, freePort, waitForLine } from '../shared/processes';
import { spawnProduct } from '../shared/product-build';
import { call as callApi, login as loginApi } from '../shared/product-api';

/** Setup requests give up after 15 s here (the product is local and idle while it is set up). */
const call = <T>(url: string, method: string, route: string, body?: unknown, token?: string) =>
  callApi<T>(url, method, route, body, token, 15_000);
const login = (url: string, email: string, password: string) => loginApi(url, email, password, 15_000);
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

/** Limits the chat benchmark lifts: its load is one client address sending far over the per-socket default. */
export const CHAT_BENCH_LIMITS = {
  RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
  RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
};

/** `jwtSecret` is kept across a restart so the tokens already issued stay valid. */
export async function startProduct(db: BenchDatabase, jwtSecret: string): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawnProduct({ db, port, jwtSecret, admin: ADMIN, env: CHAT_BENCH_LIMITS });
  const log = captureOutput(child);
  await waitForLine(child, /Switchboard is running at/, 60_000, 'the product');
  log.clear();
  return { child, url: `http://127.0.0.1:${port}`, log };
}

/** See TargetName: an assigned agent on 3 devices, 3 shared supervisor sockets, or 1,500 supervisor sockets. */
export type StaffKind = 'assigned' | 'shared' | 'fanout';

async function createStaff(
  url: string,
  adminToken: string,
  role: 'agent' | 'supervisor',
  n: number,
): Promise<{ id: string; token: string }> {
  const email = `bench-${role}-${n}@example.com`;
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const user = await call<{ id: string }>(
    url,
    'POST',
    '/users',
    { email, name: `Bench ${role} ${n}`, role, password },
    adminToken,
  );
  return { id: user.id, token: await login(url, email, password) };
}

/** Runs `work` for 0..n-1 on 8 workers. */
async function eachOf(n: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

/**
 * One widget session per conversation, and the staff who receive it: the admin and two
 * supervisors (they see every conversation) or, for `assigned`, one agent per conversation, who
 * is assigned it and so sees only that one. Each entry of `staffTokens` is one socket.
 */
export async function setUpScenario(
  url: string,
  conversations: number,
  staff: StaffKind,
): Promise<ConversationSockets[]> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const supervisors =
    staff === 'assigned'
      ? []
      : [
          adminToken,
          ...(await Promise.all([1, 2].map((n) => createStaff(url, adminToken, 'supervisor', n)))).map((s) => s.token),
        ];
  const plan: ConversationSockets[] = new Array(conversations);
  await eachOf(conversations, async (i) => {
    const s = await call<{ contactToken: string; conversation: { id: string } }>(url, 'POST', '/widget/sessions', {
      name: `Bench Customer ${i}`,
    });
    let staffTokens = supervisors;
    if (staff === 'assigned') {
      const agent = await createStaff(url, adminToken, 'agent', i);
      await call(url, 'POST', `/conversations/${s.conversation.id}/assign`, { agentId: agent.id }, adminToken);
      staffTokens = [agent.token, agent.token, agent.token];
    }
    plan[i] = { conversationId: s.conversation.id, customerToken: s.contactToken, staffTokens };
  });
  return plan;
}
