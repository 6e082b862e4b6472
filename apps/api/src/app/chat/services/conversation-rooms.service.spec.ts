import type { Namespace, Socket } from 'socket.io';
import type { EntityManager } from 'typeorm';
import type { RedisService } from '../../common/redis/redis.service';
import { ConversationRoomsService } from './conversation-rooms.service';

/** A socket of an agent, recording the rooms it joins and leaves. */
function agentSocket(sub: string) {
  const rooms = new Set<string>();
  const socket = {
    data: { claims: { sub, role: 'agent', name: sub } },
    join: (room: string) => void rooms.add(room),
    leave: (room: string) => void rooms.delete(room),
  } as unknown as Socket;
  return { socket, rooms };
}

describe('ConversationRoomsService: a join racing a reassignment', () => {
  const rooms = new ConversationRoomsService({ enabled: false } as RedisService);
  rooms.attach({ adapter: { rooms: new Map() }, sockets: new Map(), on: () => undefined } as unknown as Namespace);
  const reassign = (conversationId: string, assigneeId: string) =>
    rooms.evictWithin({} as EntityManager, { conversationId, assigneeId, contactId: 'contact' });

  it('a join checked before the conversation went to someone else is refused and never enters the room', async () => {
    const ana = agentSocket('ana');
    let checked!: () => void;
    const joining = rooms.join(
      ana.socket,
      'c1',
      () => new Promise<string>((resolve) => (checked = () => resolve('ok'))),
    );
    await reassign('c1', 'bea');
    checked();
    await expect(joining).rejects.toMatchObject({ code: 'forbidden' });
    expect(ana.rooms.size).toBe(0);
  });

  it('a reassignment that still lets the socket see it, or another conversation’s, strikes off nothing', async () => {
    const ana = agentSocket('ana');
    let checked!: () => void;
    const joining = rooms.join(
      ana.socket,
      'c2',
      () => new Promise<string>((resolve) => (checked = () => resolve('ok'))),
    );
    const twice = rooms.join(ana.socket, 'c2', async () => 'also ok');
    await reassign('c2', 'ana');
    await reassign('c3', 'bea');
    checked();
    await expect(Promise.all([joining, twice])).resolves.toEqual(['ok', 'also ok']);
    expect([...ana.rooms]).toEqual(['conversation:c2']);
  });
});
