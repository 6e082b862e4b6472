import { randomUUID } from 'node:crypto';
import type { Conversation, User, WidgetSession } from '@switchboard/contracts';
import { connected, emitAck, type TestApp } from '../support/test-app';

export interface Staff {
  user: User;
  token: string;
}

/** A widget customer with their conversation, plus helpers to talk in it. */
export async function startWidgetChat(app: TestApp, name = 'Carla Customer'): Promise<WidgetSession> {
  const res = await app.http<WidgetSession>('POST', '/api/widget/sessions', { body: { name } });
  if (res.status !== 201) throw new Error(`widget session failed: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * A widget customer who has written their first message (REST), so staff have been told of the
 * conversation: an empty widget session is announced to nobody.
 */
export async function startAnnouncedWidgetChat(
  app: TestApp,
  name = 'Carla Customer',
  content = 'hello',
): Promise<WidgetSession> {
  const widget = await startWidgetChat(app, name);
  const res = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
    token: widget.contactToken,
    body: { clientMessageId: randomUUID(), type: 'text', content },
  });
  if (res.status !== 201) throw new Error(`first message failed: ${res.status} ${res.text}`);
  return widget;
}

export async function joinedSocket(app: TestApp, token: string, conversationId: string) {
  const socket = await connected(app.socket('/chat', { token }));
  const ack = await emitAck(socket, 'join_conversation', { conversationId });
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
  return socket;
}

/** A new widget conversation and its customer's socket, joined to it. */
export async function customerInChat(app: TestApp): Promise<{ id: string; customer: ReturnType<TestApp['socket']> }> {
  const widget = await startWidgetChat(app);
  const id = widget.conversation.id;
  return { id, customer: await joinedSocket(app, widget.contactToken, id) };
}

/** Collects the channel's delivery receipts (`userId` null) on `socket`, leaving out people's read ticks. */
export function collectChannelReceipts(socket: ReturnType<TestApp['socket']>) {
  const seen: { status: string; [key: string]: unknown }[] = [];
  socket.on('message_status_updated', (p: { userId: string | null; status: string }) => {
    if (p.userId === null) seen.push(p);
  });
  return seen;
}

export function say(
  socket: ReturnType<TestApp['socket']>,
  conversationId: string,
  content: string,
  clientMessageId = randomUUID(),
) {
  return emitAck(socket, 'chat_message', { conversationId, clientMessageId, type: 'text', content });
}

export async function createConversation(
  app: TestApp,
  token: string,
  body: Record<string, unknown> = {},
): Promise<Conversation> {
  const res = await app.http<Conversation>('POST', '/api/conversations', {
    token,
    body: { contact: { name: 'Diego' }, channel: 'internal', ...body },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
}
