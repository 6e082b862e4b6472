import { signal } from '@angular/core';
import { Subject } from 'rxjs';
import { LiveResource, liveDelta } from './live-resource';

interface Item {
  id: string;
  version: number;
}

/** Resolve all pending promise callbacks (fake timers do not touch microtasks). */
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('LiveResource', () => {
  let connected: ReturnType<typeof signal<boolean>>;
  let reconnected: Subject<void>;
  let connecting: ReturnType<typeof signal<boolean>>;
  let updates: Subject<Item>;
  let snapshots: { resolve: (items: Item[]) => void; reject: (error: unknown) => void }[];
  let resource: LiveResource<Item[]>;

  const upsert = (list: Item[], item: Item): Item[] => {
    const existing = list.find((i) => i.id === item.id);
    if (existing && existing.version >= item.version) return list;
    return [...list.filter((i) => i.id !== item.id), item];
  };

  beforeEach(() => {
    jest.useFakeTimers();
    connected = signal(false);
    reconnected = new Subject<void>();
    connecting = signal(true);
    updates = new Subject<Item>();
    snapshots = [];
    resource = new LiveResource<Item[]>({
      snapshot: () => new Promise<Item[]>((resolve, reject) => snapshots.push({ resolve, reject })),
      deltas: [liveDelta(updates, upsert)],
      connection: { connected, reconnected, connecting },
      pollIntervalMs: 1_000,
    });
  });

  afterEach(() => {
    resource.destroy();
    jest.useRealTimers();
  });

  it('loads the snapshot at start', async () => {
    expect(snapshots).toHaveLength(1);
    expect(resource.loading()).toBe(true);
    snapshots[0].resolve([{ id: 'a', version: 1 }]);
    await flush();
    expect(resource.value()).toEqual([{ id: 'a', version: 1 }]);
    expect(resource.loading()).toBe(false);
    expect(resource.lastUpdatedAt()).toBeInstanceOf(Date);
  });

  it('is connecting (not "not live") until the connection is made and the first snapshot is in, and not once something failed', async () => {
    expect(resource.connecting()).toBe(true);
    connecting.set(false);
    expect(resource.connecting()).toBe(true); // the first snapshot is still on its way
    snapshots[0].reject(new Error('down'));
    await flush();
    expect(resource.connecting()).toBe(false);

    resource.refresh();
    snapshots[1].resolve([{ id: 'a', version: 1 }]);
    connected.set(true);
    await flush();
    expect(resource.live()).toBe(true);
    expect(resource.connecting()).toBe(false);
  });

  it('accepts an Observable snapshot loader', async () => {
    resource.destroy();
    const snapshot = new Subject<Item[]>();
    resource = new LiveResource<Item[]>({
      snapshot: () => snapshot,
      connection: { connected, reconnected, connecting: signal(false) },
    });
    snapshot.next([{ id: 'z', version: 1 }]);
    await flush();
    expect(resource.value()).toEqual([{ id: 'z', version: 1 }]);
  });

  it('applies deltas on top of the snapshot while connected and reports live', async () => {
    snapshots[0].resolve([{ id: 'a', version: 1 }]);
    await flush();
    connected.set(true);
    updates.next({ id: 'b', version: 1 });
    updates.next({ id: 'a', version: 2 });
    updates.next({ id: 'a', version: 1 }); // stale repeat: ignored by the reducer
    expect(resource.value()).toEqual([
      { id: 'b', version: 1 },
      { id: 'a', version: 2 },
    ]);
    expect(resource.live()).toBe(true);
  });

  it('reloads the snapshot on every (re)connect', async () => {
    snapshots[0].resolve([{ id: 'a', version: 1 }]);
    await flush();
    connected.set(true);
    reconnected.next();
    expect(snapshots).toHaveLength(2);
    snapshots[1].resolve([{ id: 'a', version: 3 }]);
    await flush();
    expect(resource.value()).toEqual([{ id: 'a', version: 3 }]);
  });

  it('replays deltas that arrive while a snapshot is loading onto that snapshot', async () => {
    snapshots[0].resolve([]);
    await flush();
    connected.set(true);
    reconnected.next();
    updates.next({ id: 'new', version: 1 });
    snapshots[1].resolve([{ id: 'old', version: 1 }]);
    await flush();
    expect(resource.value()).toEqual([
      { id: 'old', version: 1 },
      { id: 'new', version: 1 },
    ]);
  });

  it('applies a local update now and again onto a snapshot that is loading', async () => {
    snapshots[0].resolve([{ id: 'a', version: 1 }]);
    await flush();
    resource.update((list) => [...list, { id: 'page2', version: 1 }]);
    expect(resource.value()).toEqual([
      { id: 'a', version: 1 },
      { id: 'page2', version: 1 },
    ]);
    reconnected.next();
    resource.update((list) => [...list, { id: 'page3', version: 1 }]);
    snapshots[1].resolve([{ id: 'a', version: 2 }]);
    await flush();
    expect(resource.value()).toEqual([
      { id: 'a', version: 2 },
      { id: 'page3', version: 1 },
    ]);
  });

  it('ignores a snapshot overtaken by a newer one', async () => {
    reconnected.next();
    snapshots[1].resolve([{ id: 'newer', version: 1 }]);
    await flush();
    snapshots[0].resolve([{ id: 'older', version: 1 }]);
    await flush();
    expect(resource.value()).toEqual([{ id: 'newer', version: 1 }]);
  });

  it('polls the snapshot while disconnected and stops polling once connected', async () => {
    snapshots[0].resolve([]);
    await flush();
    jest.advanceTimersByTime(1_000);
    expect(snapshots).toHaveLength(2);
    jest.advanceTimersByTime(1_000);
    expect(snapshots).toHaveLength(3);
    expect(resource.live()).toBe(false);

    connected.set(true);
    jest.advanceTimersByTime(5_000);
    expect(snapshots).toHaveLength(3);

    connected.set(false);
    jest.advanceTimersByTime(1_000);
    expect(snapshots).toHaveLength(4);
  });

  it('keeps the last value and reports the error when a reload fails', async () => {
    snapshots[0].resolve([{ id: 'a', version: 1 }]);
    await flush();
    resource.refresh();
    snapshots[1].reject(new Error('boom'));
    await flush();
    expect(resource.value()).toEqual([{ id: 'a', version: 1 }]);
    expect(resource.error()).toEqual(new Error('boom'));
    resource.refresh();
    snapshots[2].resolve([]);
    await flush();
    expect(resource.error()).toBeNull();
  });

  it('stops listening and polling when destroyed', async () => {
    resource.destroy();
    jest.advanceTimersByTime(10_000);
    reconnected.next();
    expect(snapshots).toHaveLength(1);
    expect(updates.observed).toBe(false);
  });
});
