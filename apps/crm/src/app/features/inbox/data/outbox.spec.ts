import { Outbox } from './outbox';
import { message } from './testing/chat-fixtures';

const payload = (clientMessageId: string) => ({
  conversationId: 'c1',
  clientMessageId,
  type: 'text' as const,
  content: clientMessageId,
});
const states = (outbox: Outbox) => outbox.entries().map((e) => `${e.payload.clientMessageId}:${e.status}`);

describe('outbox', () => {
  it('lets a send go once the server stored it', () => {
    const outbox = new Outbox();
    outbox.add(payload('a'));
    outbox.add(payload('b'));
    outbox.settle([message(3, { clientMessageId: 'a' })]);
    expect(states(outbox)).toEqual(['b:pending']);
  });

  it('sends again at the next connect what is pending or went unanswered, not what the server refused', () => {
    const outbox = new Outbox();
    for (const id of ['pending', 'unanswered', 'refused']) outbox.add(payload(id));
    outbox.mark('unanswered', 'failed', false, true);
    outbox.mark('refused', 'failed', false);
    expect(outbox.waiting().map((e) => e.payload.clientMessageId)).toEqual(['pending', 'unanswered']);
  });

  it('shows everything waiting as not sent, and resends nothing, once the conversation is lost', () => {
    const outbox = new Outbox();
    outbox.add(payload('a'));
    outbox.add(payload('b'));
    outbox.mark('b', 'failed', false, true);
    outbox.failAll();
    expect(states(outbox)).toEqual(['a:failed', 'b:failed']);
    expect(outbox.waiting()).toEqual([]);
  });
});
