import { assignSequence, type ConversationState } from './message-sequence';

const conv = (id: string, lastSeq: number, over: Partial<ConversationState> = {}): [string, ConversationState] => [
  id,
  { id, lastSeq, status: 'open', firstResponseAt: null, ...over },
];

describe('assignSequence', () => {
  it('continues each conversation from its lastSeq, gap-free, in batch order', () => {
    const { sequenced, changes } = assignSequence(new Map([conv('a', 4), conv('b', 0)]), [
      { index: 0, conversationId: 'a', senderType: 'contact', private: false },
      { index: 1, conversationId: 'b', senderType: 'contact', private: false },
      { index: 2, conversationId: 'a', senderType: 'contact', private: false },
    ]);
    expect(sequenced.map((s) => s.seq)).toEqual([5, 1, 6]);
    expect(changes).toEqual([
      expect.objectContaining({ id: 'a', lastSeq: 6, added: 2 }),
      expect.objectContaining({ id: 'b', lastSeq: 1, added: 1 }),
    ]);
  });

  it('marks only the first agent message of an unanswered open conversation as the first response', () => {
    const { sequenced } = assignSequence(new Map([conv('a', 1), conv('b', 3, { firstResponseAt: new Date() })]), [
      { index: 0, conversationId: 'a', senderType: 'agent', private: false },
      { index: 1, conversationId: 'a', senderType: 'agent', private: false },
      { index: 2, conversationId: 'b', senderType: 'agent', private: false },
      { index: 3, conversationId: 'a', senderType: 'bot', private: false },
    ]);
    expect(sequenced.map((s) => s.firstResponse)).toEqual([true, false, false, false]);
  });

  it('a bot message never counts as a response', () => {
    const { sequenced, changes } = assignSequence(new Map([conv('a', 0)]), [
      { index: 0, conversationId: 'a', senderType: 'bot', private: false },
      { index: 1, conversationId: 'a', senderType: 'agent', private: false },
    ]);
    expect(sequenced.map((s) => s.firstResponse)).toEqual([false, true]);
    expect(changes[0].firstResponse).toBe(true);
  });

  it('a private note is never a first response: the agent reply after it is', () => {
    const { sequenced } = assignSequence(new Map([conv('a', 1)]), [
      { index: 0, conversationId: 'a', senderType: 'agent', private: true },
      { index: 1, conversationId: 'a', senderType: 'agent', private: false },
    ]);
    expect(sequenced.map((s) => s.firstResponse)).toEqual([false, true]);
  });

  it('a contact writing in a closed conversation reopens it and restarts the wait for a first response', () => {
    const { sequenced, changes } = assignSequence(
      new Map([conv('a', 7, { status: 'closed', firstResponseAt: new Date() })]),
      [
        { index: 0, conversationId: 'a', senderType: 'agent', private: false },
        { index: 1, conversationId: 'a', senderType: 'contact', private: false },
        { index: 2, conversationId: 'a', senderType: 'agent', private: false },
      ],
    );
    expect(sequenced).toEqual([
      { index: 0, seq: 8, firstResponse: false, reopened: false, announced: false },
      { index: 1, seq: 9, firstResponse: false, reopened: true, announced: false },
      { index: 2, seq: 10, firstResponse: true, reopened: false, announced: false },
    ]);
    expect(changes[0]).toMatchObject({ status: 'open', reopened: true, firstResponse: true, lastSeq: 10 });
  });

  it("a pending widget conversation is announced by its contact's first message, not by a bot or agent one", () => {
    const { sequenced, changes } = assignSequence(new Map([conv('a', 0, { status: 'pending' })]), [
      { index: 0, conversationId: 'a', senderType: 'bot', private: false },
      { index: 1, conversationId: 'a', senderType: 'contact', private: false },
      { index: 2, conversationId: 'a', senderType: 'contact', private: false },
    ]);
    expect(sequenced.map((s) => s.announced)).toEqual([false, true, false]);
    expect(changes[0]).toMatchObject({ status: 'open', announced: true, reopened: false });
  });
});
