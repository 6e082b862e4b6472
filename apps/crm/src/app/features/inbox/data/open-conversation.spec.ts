import { OpenConversation } from './open-conversation';
import { conversation } from './testing/chat-fixtures';

describe('open conversation', () => {
  it('drops what was asked for a conversation no longer shown, even when the same one opens again', () => {
    const room = new OpenConversation();
    const first = room.show('c1');
    expect(room.isCurrent(first)).toBe(true);
    room.clear();
    const second = room.show('c1');
    expect(room.isCurrent(first)).toBe(false);
    expect(room.isCurrent(second)).toBe(true);
  });

  it('keeps the newest version of the conversation shown, and nothing of others', () => {
    const room = new OpenConversation();
    room.show('c1');
    room.apply(conversation({ version: 3, status: 'closed' }));
    room.apply(conversation({ version: 2, status: 'open' }));
    room.apply(conversation({ id: 'c2', version: 9 }));
    expect(room.conversation()).toMatchObject({ id: 'c1', version: 3, status: 'closed' });
  });

  it('forgets the conversation, and that it was lost, when another opens', () => {
    const room = new OpenConversation();
    room.show('c1');
    room.apply(conversation());
    room.lose();
    room.clear();
    room.show('c2');
    expect([room.conversation(), room.lost()]).toEqual([null, false]);
  });
});
