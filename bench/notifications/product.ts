/** The built Switchboard API on a throwaway database, and the agents (with their tokens) the fan-outs reach. */
import { randomBytes, randomUUID } from 'node:crypto';
import { startBenchProduct, type StartedProduct } from '../shared/product-build';
import { call, login } from '../shared/product-api';
import type { BenchDatabase } from '../shared/bench-database';

const ADMIN = { email: 'bench-admin@example.com', password: `bench-${randomBytes(8).toString('hex')}` };

export type RunningProduct = StartedProduct;

export function startProduct(db: BenchDatabase): Promise<RunningProduct> {
  return startBenchProduct(db, ADMIN, {
    RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '100000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    // Creating the agents is writes by the admin, 4 at a time.
    RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
  });
}

/** `count` agents through the product's own API; one access token each. */
export async function createAgents(url: string, count: number): Promise<string[]> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const tokens: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = ++next;
      const email = `bench-agent-${n}@example.com`;
      const password = `bench-${randomBytes(8).toString('hex')}`;
      await call(url, 'POST', '/users', { email, name: `Bench agent ${n}`, role: 'agent', password }, adminToken);
      tokens.push(await login(url, email, password));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}

export interface WidgetSession {
  conversation: { id: string };
  contactToken: string;
}

/** A new web-widget conversation, not yet announced: an empty widget session is announced to nobody. */
export function newWidgetSession(url: string, name: string): Promise<WidgetSession> {
  return call<WidgetSession>(url, 'POST', '/widget/sessions', { name });
}

/** The customer's first message: the conversation is announced, unassigned, so every agent (and the admin) is notified. */
export async function announce(url: string, session: WidgetSession): Promise<void> {
  await call(
    url,
    'POST',
    `/conversations/${session.conversation.id}/messages`,
    { clientMessageId: randomUUID(), type: 'text', content: 'hola' },
    session.contactToken,
  );
}
