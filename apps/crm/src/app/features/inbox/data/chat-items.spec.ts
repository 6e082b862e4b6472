import { ApiError } from '../../../core/http/api-error';
import { chatItems, isMine, type ChatItemSources } from './chat-items';
import { ME, message } from './testing/chat-fixtures';
import type { OutboxEntry } from './unsent-messages';

const mine = (seq: number, overrides: Parameters<typeof message>[1] = {}) =>
  message(seq, { sender: { type: 'agent', id: ME.id, name: ME.name }, ...overrides });

function entry(clientMessageId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    payload: { conversationId: 'c1', clientMessageId, type: 'text', content: `unsent ${clientMessageId}` },
    status: 'pending',
    createdAt: '2026-01-01T11:00:00.000Z',
    refusedByWindow: false,
    unanswered: false,
    ...overrides,
  };
}

const items = (sources: Partial<ChatItemSources>) =>
  chatItems({ viewer: ME, messages: [], outbox: [], retrying: new Set(), retryErrors: {}, ...sources });

describe('chat items', () => {
  it('lists the stored messages, then our unsent sends as stand-ins under our name', () => {
    const rows = items({
      messages: [message(1), mine(2)],
      outbox: [entry('a'), entry('b', { status: 'failed', refusedByWindow: true })],
    });
    expect(rows.map((r) => [r.key, r.message.content, r.mine, r.status, r.unsent])).toEqual([
      ['m1', 'message 1', false, 'sent', false],
      ['m2', 'message 2', true, 'sent', false],
      ['pending:a', 'unsent a', true, 'pending', true],
      ['pending:b', 'unsent b', true, 'failed', true],
    ]);
    expect(rows[3]).toEqual(expect.objectContaining({ refusedByWindow: true, failureReason: null }));
    expect(rows[2].message.sender).toEqual({ type: 'agent', id: ME.id, name: ME.name });
  });

  it('shows a send once the server stored it: as the stored message, not also as unsent', () => {
    const rows = items({ messages: [mine(1, { clientMessageId: 'a', content: 'hola' })], outbox: [entry('a')] });
    expect(rows.map((r) => [r.key, r.unsent])).toEqual([['m1', false]]);
  });

  it('shows an unsent template as what it will say, with its template', () => {
    const template = { name: 'order_update', language: 'en', variables: ['Carla'] };
    const [row] = items({
      outbox: [entry('t', { payload: { conversationId: 'c1', clientMessageId: 't', content: 'Hi Carla', template } })],
    });
    expect(row.message).toEqual(expect.objectContaining({ content: 'Hi Carla', type: 'text', template }));
  });

  it("gives a failed message its channel's reason, and a retried one its progress or refusal", () => {
    const refusal = new ApiError('conflict', 'Only a failed message can be sent again', 409);
    const rows = items({
      messages: [
        mine(1, { status: 'failed', failureReason: 'Throttled' }),
        mine(2, { status: 'delivered', failureReason: 'stale' }),
      ],
      retrying: new Set(['m1']),
      retryErrors: { m2: refusal },
    });
    expect(rows.map((r) => [r.failureReason, r.retrying, r.retryError])).toEqual([
      ['Throttled', true, null],
      [null, false, refusal],
    ]);
  });

  it('counts a message as the viewer’s only from the viewer’s side', () => {
    expect(isMine(mine(1), ME)).toBe(true);
    expect(isMine(message(1, { sender: { type: 'contact', id: ME.id, name: 'Someone' } }), ME)).toBe(false);
    expect(
      isMine(message(1, { sender: { type: 'contact', id: 'contact-1', name: 'Carla' } }), {
        id: 'contact-1',
        type: 'contact',
        name: 'Carla',
      }),
    ).toBe(true);
    expect(isMine(mine(1), null)).toBe(false);
  });
});
