import { TestBed } from '@angular/core/testing';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { flush, networkError } from '../../settings/data/testing/settings-fixtures';
import { TeamApi } from './team.api';
import { TeamSocket } from './team.socket';
import { TeamStore } from './team.store';
import { member } from './testing/team-fixtures';

describe('TeamStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { members: jest.Mock; create: jest.Mock };
  let store: TeamStore;

  const ana = member({ name: 'Ana', role: 'admin', online: true });
  const carla = member({ name: 'Carla' });

  async function start(items = [ana, carla]) {
    api.members.mockResolvedValue({ items });
    store = TestBed.inject(TeamStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = { members: jest.fn(), create: jest.fn() };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, TeamSocket, TeamStore, { provide: TeamApi, useValue: api }],
    });
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('shows the list with presence and follows presence_changed', async () => {
    await start();
    expect(store.members()?.map((m) => [m.name, m.online])).toEqual([
      ['Ana', true],
      ['Carla', false],
    ]);
    expect(store.live()).toBe(true);

    realtime.chat().serverEmit('presence_changed', { userId: carla.id, status: 'online' });
    realtime.chat().serverEmit('presence_changed', { userId: ana.id, status: 'offline' });
    expect(store.members()?.map((m) => [m.name, m.online])).toEqual([
      ['Ana', false],
      ['Carla', true],
    ]);

    // Someone this list does not know (created elsewhere): nothing to change until the next snapshot.
    realtime.chat().serverEmit('presence_changed', { userId: member().id, status: 'online' });
    expect(store.members()).toHaveLength(2);
  });

  it('reads the list again after a reconnect, since presence changes were missed meanwhile', async () => {
    await start();
    realtime.manager().drop();
    expect(store.live()).toBe(false);
    api.members.mockResolvedValue({
      items: [
        { ...ana, online: false },
        { ...carla, online: true },
      ],
    });
    realtime.manager().connectAll();
    await flush();
    expect(store.members()?.map((m) => m.online)).toEqual([false, true]);
    expect(store.live()).toBe(true);
  });

  it('a failed first load is an error to retry; an empty list is its own state', async () => {
    api.members.mockRejectedValueOnce(networkError());
    store = TestBed.inject(TeamStore);
    await flush();
    expect(store.members()).toBeUndefined();
    expect(store.error()).toBeTruthy();

    api.members.mockResolvedValue({ items: [] });
    store.refresh();
    await flush();
    expect(store.empty()).toBe(true);
    expect(store.error()).toBeNull();
  });

  it('a member we created appears at once, in name order and offline, and only once', async () => {
    await start();
    const bruno = { id: member().id, name: 'Bruno', email: 'bruno@example.com', role: 'agent' as const, active: true };
    store.add(bruno);
    store.add(bruno);
    expect(store.members()?.map((m) => [m.name, m.online])).toEqual([
      ['Ana', true],
      ['Bruno', false],
      ['Carla', false],
    ]);

    realtime.chat().serverEmit('presence_changed', { userId: bruno.id, status: 'online' });
    expect(store.members()?.find((m) => m.id === bruno.id)?.online).toBe(true);
  });
});
