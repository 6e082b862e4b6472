/** The built Switchboard API on a throwaway database, and the few REST calls the benchmark makes. */
import { randomBytes } from 'node:crypto';
import { startBenchProduct, type StartedProduct } from '../shared/product-build';
import { call, login } from '../shared/product-api';
export { buildInfo, ensureBuilt } from '../shared/product-build';
import type { BenchDatabase } from '../shared/bench-database';

const ADMIN = { email: 'bench-admin@example.com', password: `bench-${randomBytes(8).toString('hex')}` };

export interface RunningProduct extends StartedProduct {
  timeZone: string;
}

export async function startProduct(db: BenchDatabase): Promise<RunningProduct> {
  // The seed places "today" and "this month" in this zone, so both sides agree on the boundaries.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const product = await startBenchProduct(db, ADMIN, {
    STATS_TIME_ZONE: timeZone,
    RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    // Creating the staff is writes by the admin, 4 at a time: past 10 a second they were refused.
    RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
  });
  return { ...product, timeZone };
}

export interface Staff {
  /** Ids of the agents the seed assigns conversations to. */
  agentIds: string[];
  /** One access token per supervisor; the sockets reuse them. */
  supervisorTokens: string[];
}

/** Agents and supervisors through the product's own API (so the users table is whatever it expects). */
export async function createStaff(url: string, agents: number, supervisors: number): Promise<Staff> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const specs = [
    ...Array.from({ length: agents }, (_, i) => ({ role: 'agent' as const, n: i + 1 })),
    ...Array.from({ length: supervisors }, (_, i) => ({ role: 'supervisor' as const, n: i + 1 })),
  ];
  const agentIds: string[] = [];
  const supervisorTokens: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const { role, n } = specs[next++];
      const email = `bench-${role}-${n}@example.com`;
      const password = `bench-${randomBytes(8).toString('hex')}`;
      const user = await call<{ id: string }>(
        url,
        'POST',
        '/users',
        { email, name: `Bench ${role} ${n}`, role, password },
        adminToken,
      );
      if (role === 'agent') agentIds.push(user.id);
      else supervisorTokens.push(await login(url, email, password));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { agentIds, supervisorTokens };
}

export interface WidgetChat {
  contactToken: string;
  conversation: { id: string };
}

/** A web-widget session: its conversation counts nowhere until the customer's first message. */
export function startWidgetChat(url: string, name: string): Promise<WidgetChat> {
  return call<WidgetChat>(url, 'POST', '/widget/sessions', { name });
}

/** The customer's first message: the conversation is announced, open and unassigned, so `unattended` grows by one. */
export function firstMessage(url: string, chat: WidgetChat): Promise<unknown> {
  return call(
    url,
    'POST',
    `/conversations/${chat.conversation.id}/messages`,
    { clientMessageId: 'first', type: 'text', content: 'Hola' },
    chat.contactToken,
  );
}

/** A new web-widget conversation, announced: `unattended` grows by one. */
export async function newConversation(url: string, name: string): Promise<unknown> {
  return firstMessage(url, await startWidgetChat(url, name));
}
