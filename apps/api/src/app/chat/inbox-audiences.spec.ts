import { inboxAudiences } from './inbox-audiences';
import type { ConversationView } from './mappers/conversation.mapper';

const view = (assigneeId: string | null) =>
  ({
    id: 'c1',
    contact: { id: 'contact' },
    assignee: assigneeId ? { id: assigneeId, name: 'A' } : null,
  }) as ConversationView;

describe('inboxAudiences', () => {
  it('groups the readers who may see the row by their read cursor; everyone else who may see it gets unread from 0', () => {
    const cursors = [
      { participant_id: 'ana', last_read_seq: 4, role: 'agent' as const },
      { participant_id: 'sam', last_read_seq: 4, role: 'supervisor' as const },
      { participant_id: 'bea', last_read_seq: 2, role: 'agent' as const },
      { participant_id: 'contact', last_read_seq: 5, role: null },
    ];
    expect(inboxAudiences(view('ana'), cursors, undefined, 'conversation:c1')).toEqual([
      { rooms: ['user:ana', 'user:sam'], except: ['conversation:c1'], readSeq: 4 },
      {
        rooms: ['staff:all', 'user:ana'],
        except: ['user:ana', 'user:sam', 'user:bea', 'conversation:c1'],
        readSeq: 0,
      },
    ]);
  });

  it('on a reassignment, who saw the row before hears of it too', () => {
    const cursors = [{ participant_id: 'bea', last_read_seq: 2, role: 'agent' as const }];
    expect(inboxAudiences(view('ana'), cursors, { assigneeId: 'bea' })).toEqual([
      { rooms: ['user:bea'], except: [], readSeq: 2 },
      { rooms: ['staff:all', 'user:ana', 'user:bea'], except: ['user:bea'], readSeq: 0 },
    ]);
  });
});
