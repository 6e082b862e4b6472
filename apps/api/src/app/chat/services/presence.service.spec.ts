import { DomainEvents } from '../../common/events/domain-events';
import { PresenceService } from './presence.service';
import { InMemoryPresenceStore } from './presence-store';

describe('PresenceService', () => {
  const setup = () => {
    const events = new DomainEvents();
    const changes: string[] = [];
    events.on('presence.changed', (e) => void changes.push(`${e.userId}:${e.status}`));
    return { presence: new PresenceService(events, new InMemoryPresenceStore()), changes };
  };

  it('a user is online while any socket is connected, and each change is announced once', () => {
    const { presence, changes } = setup();
    presence.connected('ana');
    presence.connected('ana');
    presence.disconnected('ana');
    expect(presence.isOnline('ana')).toBe(true);
    presence.disconnected('ana');
    presence.disconnected('ana');
    expect(presence.isOnline('ana')).toBe(false);
    expect(changes).toEqual(['ana:online', 'ana:offline']);
  });

  it('reconciliation corrects drift from the sockets really connected and announces it', () => {
    const { presence, changes } = setup();
    presence.connected('ghost'); // its disconnect was missed
    presence.connected('bea');
    changes.length = 0;
    const corrected = presence.reconcile(
      new Map([
        ['bea', 2],
        ['carl', 1],
      ]),
    );
    expect(corrected.sort()).toEqual(['bea', 'carl', 'ghost']);
    expect(changes.sort()).toEqual(['carl:online', 'ghost:offline']);
    expect(presence.onlineUserIds().sort()).toEqual(['bea', 'carl']);
    presence.disconnected('bea');
    expect(presence.isOnline('bea')).toBe(true);
  });
});
