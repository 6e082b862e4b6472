import type { Namespace } from 'socket.io';
import { localAudience, reachesLocalSocket } from './local-broadcast';

/** A namespace with these rooms on this node, recording what it emits locally. */
function namespaceWith(rooms: Record<string, string[]>) {
  const sent: { rooms: string[]; except: string[]; event: string }[] = [];
  const ns = {
    adapter: { rooms: new Map(Object.entries(rooms).map(([room, ids]) => [room, new Set(ids)])) },
    local: {
      to: (to: string[]) => ({
        emit: (event: string) => sent.push({ rooms: to, except: [], event }),
        except: (except: string[]) => ({ emit: (event: string) => sent.push({ rooms: to, except, event }) }),
      }),
    },
  } as unknown as Namespace;
  return { ns, sent };
}

describe('local broadcasts', () => {
  const { ns, sent } = namespaceWith({
    'conversation:c1': ['agent-tab', 'customer'],
    'user:agent': ['agent-tab', 'agent-phone'],
    'staff:all': [],
  });

  it('a push reaches this node when a socket is in a room and in none of the excepted ones', () => {
    expect(reachesLocalSocket(ns, ['user:agent'], ['conversation:c1'])).toBe(true);
    expect(reachesLocalSocket(ns, ['conversation:c1'], ['user:agent'])).toBe(true);
  });

  it('a push whose every socket is excepted, or whose rooms are empty here, reaches nobody', () => {
    expect(reachesLocalSocket(ns, ['conversation:c1'], ['user:agent', 'conversation:c1'])).toBe(false);
    expect(reachesLocalSocket(ns, ['staff:all', 'user:nobody'], [])).toBe(false);
  });

  it('emits only what reaches someone here', () => {
    expect(localAudience(ns, ['staff:all'], [])).toBeNull();
    localAudience(ns, ['user:agent'], ['conversation:c1'])?.emit('conversation_updated', {});
    expect(sent).toEqual([{ rooms: ['user:agent'], except: ['conversation:c1'], event: 'conversation_updated' }]);
  });
});
