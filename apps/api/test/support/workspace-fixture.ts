import { randomUUID } from 'node:crypto';
import type { Conversation, Message } from '@switchboard/contracts';
import type { TestApp } from './test-app';

/** A conversation created by staff through the API (with a contact, subject, externalRef as given). */
export async function conversationWith(
  app: TestApp,
  token: string,
  body: Record<string, unknown>,
): Promise<Conversation> {
  const res = await app.http<Conversation>('POST', '/api/conversations', {
    token,
    body: { channel: 'internal', ...body },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}

export async function assign(
  app: TestApp,
  token: string,
  conversationId: string,
  agentId: string | null,
): Promise<Conversation> {
  const res = await app.http<Conversation>('POST', `/api/conversations/${conversationId}/assign`, {
    token,
    body: { agentId },
  });
  if (res.status !== 200) throw new Error(`assign failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A message through REST; `private` makes it a staff note. */
export async function post(
  app: TestApp,
  token: string,
  conversationId: string,
  content: string,
  opts: { private?: boolean } = {},
): Promise<Message> {
  const res = await app.http<Message>('POST', `/api/conversations/${conversationId}/messages`, {
    token,
    body: { clientMessageId: randomUUID(), content, private: opts.private ?? false },
  });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${res.text}`);
  return res.body;
}
