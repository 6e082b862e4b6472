import {
  sendMessageSchema,
  createConversationSchema,
  listConversationsQuerySchema,
  messageSchema,
  MAX_MESSAGE_LENGTH,
} from './chat.schema';

const conversationId = '3f1c2b8e-7a4d-4f5e-9c1a-2b3c4d5e6f70';

describe('chat contract', () => {
  it('accepts a text chat_message and defaults its type', () => {
    const m = sendMessageSchema.parse({ conversationId, clientMessageId: 'c-1', content: 'hola' });
    expect(m.type).toBe('text');
  });

  it('rejects empty text, oversize content and a missing clientMessageId', () => {
    expect(sendMessageSchema.safeParse({ conversationId, clientMessageId: 'c-1', content: '  ' }).success).toBe(false);
    expect(
      sendMessageSchema.safeParse({
        conversationId,
        clientMessageId: 'c-1',
        content: 'x'.repeat(MAX_MESSAGE_LENGTH + 1),
      }).success,
    ).toBe(false);
    expect(sendMessageSchema.safeParse({ conversationId, content: 'hola' }).success).toBe(false);
  });

  it('needs an attachment for non-text messages', () => {
    expect(sendMessageSchema.safeParse({ conversationId, clientMessageId: 'c-2', type: 'image' }).success).toBe(false);
    expect(
      sendMessageSchema.safeParse({
        conversationId,
        clientMessageId: 'c-2',
        type: 'image',
        attachment: { url: '/api/attachments/x', mimeType: 'image/png', size: 10, name: 'x.png' },
      }).success,
    ).toBe(true);
  });

  it('a template send needs no content (its text comes from the template) and defaults its variables', () => {
    const m = sendMessageSchema.parse({
      conversationId,
      clientMessageId: 'c-3',
      template: { name: 'order_ready', language: 'es' },
    });
    expect(m.template).toEqual({ name: 'order_ready', language: 'es', variables: [] });
    expect(
      sendMessageSchema.safeParse({
        conversationId,
        clientMessageId: 'c-3',
        type: 'image',
        template: { name: 'x', language: 'es' },
      }).success,
    ).toBe(false);
  });

  it('messages carry the channel statuses pending and failed with a reason', () => {
    const base = {
      id: conversationId,
      conversationId,
      seq: 1,
      clientMessageId: null,
      sender: { type: 'agent', id: null, name: 'A' },
      type: 'text',
      content: 'x',
      replyToId: null,
      replyTo: null,
      reactions: [],
      editedAt: null,
      deletedAt: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      private: false,
    };
    expect(messageSchema.safeParse({ ...base, status: 'pending' }).success).toBe(true);
    expect(
      messageSchema.safeParse({ ...base, status: 'failed', failureReason: 'Receiver is incapable (code 131026)' })
        .success,
    ).toBe(true);
    expect(messageSchema.safeParse({ ...base, status: 'lost' }).success).toBe(false);
  });

  it('accepts the create-conversation example with externalRef', () => {
    expect(
      createConversationSchema.safeParse({
        contact: { name: 'Ana', phone: '+34600000000' },
        channel: 'whatsapp',
        externalRef: 'order-42',
      }).success,
    ).toBe(true);
    expect(createConversationSchema.safeParse({ contact: { name: 'Ana' }, channel: 'fax' }).success).toBe(false);
  });

  it('an inbox list sorts by last activity unless asked otherwise, and reads unreadOnly and the filters from the query string', () => {
    expect(listConversationsQuerySchema.parse({})).toEqual({ sort: 'lastActivity', limit: 30 });
    expect(
      listConversationsQuerySchema.parse({
        unreadOnly: 'true',
        sort: 'waitingLongest',
        channel: 'whatsapp',
        q: ' maria ',
      }),
    ).toMatchObject({
      unreadOnly: true,
      sort: 'waitingLongest',
      channel: 'whatsapp',
      q: 'maria',
    });
    expect(listConversationsQuerySchema.safeParse({ sort: 'oldest' }).success).toBe(false);
    expect(listConversationsQuerySchema.safeParse({ label: 'vip' }).success).toBe(false);
    expect(listConversationsQuerySchema.safeParse({ q: 'a' }).success).toBe(false);
  });
});
