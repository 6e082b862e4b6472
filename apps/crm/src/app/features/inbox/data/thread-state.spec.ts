import { OpenConversation } from './open-conversation';
import { Outbox } from './outbox';
import { ME, message } from './testing/chat-fixtures';
import { ThreadState } from './thread-state';

describe('thread state', () => {
  let outbox: Outbox;
  let toLatest: jest.Mock;
  let state: ThreadState;

  const seqs = () => state.messages().map((m) => m.seq);

  beforeEach(() => {
    const room = new OpenConversation();
    room.show('c1');
    outbox = new Outbox();
    toLatest = jest.fn();
    state = new ThreadState(room, outbox, toLatest);
  });

  it('accepts the messages of its conversation only, and takes ours out of the outbox', () => {
    outbox.add({ conversationId: 'c1', clientMessageId: 'x1', type: 'text', content: 'hola' });
    state.accept([
      message(2, { clientMessageId: 'x1', sender: { type: 'agent', id: ME.id, name: ME.name } }),
      message(1),
      message(9, { conversationId: 'c2' }),
    ]);
    expect(seqs()).toEqual([1, 2]);
    expect(outbox.entries()).toEqual([]);
  });

  it('in a window, merges what joins up with it and asks for the latest when a message lies beyond', () => {
    state.merge([message(10), message(11)]);
    state.hasNewer.set(true);
    state.finishLoad(true);
    state.accept([message(12), message(40)]);
    expect(seqs()).toEqual([10, 11, 12]);
    expect(toLatest).toHaveBeenCalledTimes(1);
  });

  it('takes hasOlder from the answer that completes the first load only', () => {
    state.finishLoad(true);
    state.finishLoad(false);
    expect(state.hasOlder()).toBe(true);
    expect(state.loaded()).toBe(true);
  });

  it('applies a delivery status that came before its message once the message arrives', () => {
    state.applyDelivery('m3', 'delivered', null);
    expect(state.messages()).toEqual([]);
    state.accept([message(3, { status: 'pending' })]);
    expect(state.messages()[0].status).toBe('delivered');
  });

  it('keeps the first deletion time of a message deleted twice', () => {
    state.merge([message(1, { reactions: [{ emoji: '👍', userIds: [ME.id] }] })]);
    state.markDeleted('m1');
    const first = state.messages()[0];
    expect(first).toMatchObject({ content: '', attachment: null, reactions: [] });
    state.markDeleted('m1');
    expect(state.messages()[0].deletedAt).toBe(first.deletedAt);
  });

  it('forgets everything when cleared, statuses kept for messages not come yet included', () => {
    state.openAt(5);
    state.merge([message(5)]);
    state.applyDelivery('m6', 'read', null);
    state.finishLoad(true);
    state.clear();
    expect([state.messages(), state.loaded(), state.hasOlder(), state.focus(), state.anchor]).toEqual([
      [],
      false,
      false,
      null,
      null,
    ]);
    state.accept([message(6, { status: 'sent' })]);
    expect(state.messages()[0].status).toBe('sent');
  });
});
