import type { Conversation, Message } from '@switchboard/contracts/types';

export const ME = { id: 'agent-1', type: 'agent' as const, name: 'Ana' };
export const CONTACT = { id: 'contact-1', name: 'Carla', phone: null, email: null };

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    status: 'open',
    channel: 'web',
    subject: null,
    externalRef: null,
    contact: CONTACT,
    assignee: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    firstResponseAt: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    lastSeq: 0,
    unreadCount: 0,
    version: 1,
    labels: [],
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientMessageId: null,
    sender: { type: 'contact', id: CONTACT.id, name: CONTACT.name },
    type: 'text',
    content: `message ${seq}`,
    attachment: null,
    replyToId: null,
    replyTo: null,
    reactions: [],
    status: 'sent',
    editedAt: null,
    deletedAt: null,
    createdAt: `2026-01-01T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    private: false,
    ...overrides,
  };
}

/** Resolves pending promise callbacks (fake timers leave microtasks alone). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
