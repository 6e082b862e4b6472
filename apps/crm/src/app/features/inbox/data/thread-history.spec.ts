import { signal } from '@angular/core';
import type { MessagePage } from '@switchboard/contracts/types';
import type { ConversationBackend } from './conversation-backend';
import { OpenConversation } from './open-conversation';
import { Outbox } from './outbox';
import { ME, conversation, flush, message } from './testing/chat-fixtures';
import { AROUND_SIZE, PAGE_SIZE, ThreadHistory } from './thread-history';
import { ThreadState } from './thread-state';

const page = (from: number, to: number, hasMore: boolean): MessagePage => ({
  items: Array.from({ length: to - from + 1 }, (_, i) => message(from + i)),
  hasMore,
});

describe('thread history', () => {
  let room: OpenConversation;
  let state: ThreadState;
  let backend: { viewer: ReturnType<typeof signal>; conversation: jest.Mock; messages: jest.Mock };
  let events: { failed: jest.Mock; reachedLatest: jest.Mock };
  let history: ThreadHistory;

  const seqs = () => state.messages().map((m) => m.seq);
  /** A window of 40..65 opened at 40, with newer messages after it. */
  const openWindow = () => {
    state.merge(page(40, 65, false).items);
    state.hasNewer.set(true);
    state.finishLoad(true);
  };

  beforeEach(() => {
    room = new OpenConversation();
    room.show('c1');
    state = new ThreadState(room, new Outbox(), () => undefined);
    backend = { viewer: signal(ME), conversation: jest.fn(), messages: jest.fn() };
    events = { failed: jest.fn(), reachedLatest: jest.fn() };
    history = new ThreadHistory(backend as unknown as ConversationBackend, room, state, events);
  });

  it('loads a page of older history above the lowest seq shown, once at a time', async () => {
    state.merge([message(51)]);
    state.finishLoad(true);
    backend.messages.mockResolvedValueOnce(page(1, 50, false));
    const loading = history.loadOlder();
    expect(history.loadingOlder()).toBe(true);
    void history.loadOlder();
    await loading;
    expect(backend.messages.mock.calls).toEqual([['c1', { beforeSeq: 51, limit: PAGE_SIZE }]]);
    expect(seqs()).toHaveLength(51);
    expect([state.hasOlder(), history.loadingOlder()]).toEqual([false, false]);
  });

  it('drops an older page that comes after another conversation opened', async () => {
    state.merge([message(51)]);
    state.finishLoad(true);
    let answer: (p: MessagePage) => void = () => undefined;
    backend.messages.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = history.loadOlder();
    room.clear();
    room.show('c1');
    answer(page(1, 50, false));
    await loading;
    expect(seqs()).toEqual([51]);
  });

  it('loads older history of the next conversation while a page of the previous one is still on its way', async () => {
    state.merge([message(51)]);
    state.finishLoad(true);
    backend.messages.mockReturnValueOnce(new Promise(() => undefined));
    void history.loadOlder();
    room.clear();
    history.reset();
    room.show('c2');
    state.merge([message(51, { conversationId: 'c2' })]);
    state.finishLoad(true);
    backend.messages.mockResolvedValueOnce(page(1, 50, false));
    await history.loadOlder();
    expect(backend.messages.mock.calls[1]).toEqual(['c2', { beforeSeq: 51, limit: PAGE_SIZE }]);
    expect(history.loadingOlder()).toBe(false);
  });

  it('reports an older page that could not be loaded', async () => {
    state.merge([message(51)]);
    state.finishLoad(true);
    const error = new Error('down');
    backend.messages.mockRejectedValueOnce(error);
    await history.loadOlder();
    expect(events.failed).toHaveBeenCalledWith(error);
    expect(history.loadingOlder()).toBe(false);
  });

  it('shows the messages around one, as a window when more follow', async () => {
    backend.conversation.mockResolvedValue(conversation({ version: 2 }));
    backend.messages.mockResolvedValueOnce(page(16, 40, true)).mockResolvedValueOnce(page(41, 65, true));
    expect(await history.loadAround(room.generation, 40)).toBe(true);
    expect(backend.messages.mock.calls).toEqual([
      ['c1', { beforeSeq: 41, limit: AROUND_SIZE }],
      ['c1', { afterSeq: 40, limit: AROUND_SIZE }],
    ]);
    expect([seqs()[0], seqs().at(-1)]).toEqual([16, 65]);
    expect([state.hasOlder(), state.hasNewer(), state.loaded()]).toEqual([true, true, true]);
    expect(room.conversation()?.version).toBe(2);
  });

  it('pages a window forward and says when it reached the latest', async () => {
    openWindow();
    backend.messages.mockResolvedValueOnce(page(66, 115, true)).mockResolvedValueOnce(page(116, 120, false));
    await history.loadNewer();
    expect(backend.messages).toHaveBeenLastCalledWith('c1', { afterSeq: 65, limit: PAGE_SIZE });
    expect(events.reachedLatest).not.toHaveBeenCalled();
    await history.loadNewer();
    expect(seqs().at(-1)).toBe(120);
    expect(state.hasNewer()).toBe(false);
    expect(events.reachedLatest).toHaveBeenCalledWith(room.generation);
  });

  it('drops a newer page still on its way when the latest messages were asked for meanwhile', async () => {
    openWindow();
    state.openAt(40);
    let answerNewer: (p: MessagePage) => void = () => undefined;
    backend.messages
      .mockReturnValueOnce(new Promise((resolve) => (answerNewer = resolve)))
      .mockResolvedValueOnce(page(151, 200, true));
    const newer = history.loadNewer();
    await history.showLatest();
    answerNewer(page(66, 115, true));
    await newer;
    await flush();
    expect([seqs()[0], seqs().at(-1)]).toEqual([151, 200]);
    expect([state.hasOlder(), state.hasNewer(), state.focus(), history.loadingNewer()]).toEqual([
      true,
      false,
      null,
      false,
    ]);
    expect(events.reachedLatest).toHaveBeenCalledTimes(1);
  });
});
