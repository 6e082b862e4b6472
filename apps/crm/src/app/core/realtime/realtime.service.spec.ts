import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '../auth/auth.store';
import { RealtimeService } from './realtime.service';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from './realtime.config';
import { RealtimeError } from './realtime.types';
import { FakeManager } from './testing/fake-socket-manager';

const message = { id: 'm1' } as never;
const conversation = { id: 'c1' } as never;

describe('RealtimeService', () => {
  let managers: FakeManager[];
  let token: ReturnType<typeof signal<string | null>>;
  let expire: jest.Mock;
  let service: RealtimeService;

  const manager = () => managers[managers.length - 1];
  const socket = (ns: string) => {
    const s = manager().sockets.get(ns);
    if (!s) throw new Error(`no socket for ${ns}`);
    return s;
  };

  beforeEach(() => {
    jest.useFakeTimers();
    managers = [];
    token = signal<string | null>('token-1');
    expire = jest.fn(() => token.set(null));
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthStore, useValue: { token, isLoggedIn: computed(() => token() !== null), expire } },
        {
          provide: SOCKET_MANAGER_FACTORY,
          useValue: (uri: string, options: never) => {
            const m = new FakeManager(uri, options);
            managers.push(m);
            return m;
          },
        },
        // No jitter, so retry times are exact.
        {
          provide: REALTIME_CONFIG,
          useValue: { backoff: { random: () => 0.5 }, offlineAfterFailedAttempts: 2, connectTimeoutMs: 10_000 },
        },
      ],
    });
    service = TestBed.inject(RealtimeService);
    TestBed.tick();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('opens one manager on the page origin with its own reconnection disabled', () => {
    expect(managers).toHaveLength(1);
    expect(manager().uri).toBe(window.location.origin);
    expect(manager().options).toEqual(
      expect.objectContaining({ path: '/socket.io', reconnection: false, autoConnect: false }),
    );
    expect(manager().options?.transports[0]).toBe('websocket');
  });

  it('opens a namespace socket on first use and sends the current token in the handshake', () => {
    service.on('/chat', 'new_message').subscribe();
    service.on('/notifications', 'unread_count').subscribe();
    expect([...manager().sockets.keys()]).toEqual(['/chat', '/notifications']);
    manager().completeOpen();
    expect(socket('/chat').handshakes).toEqual([{ token: 'token-1' }]);
  });

  it('goes connecting → connected → reconnecting → offline → connected', () => {
    service.on('/chat', 'new_message').subscribe();
    expect(service.connectionState()).toBe('connecting');

    manager().connectAll();
    expect(service.connectionState()).toBe('connected');

    manager().drop();
    expect(service.connectionState()).toBe('reconnecting');
    expect(service.nextRetryAt()?.getTime()).toBe(Date.now() + 1_000);

    jest.advanceTimersByTime(1_000);
    expect(manager().openCalls).toBe(2);
    manager().failOpen('websocket error');
    expect(service.connectionState()).toBe('reconnecting');
    expect(service.lastError()).toBe('websocket error');
    expect(service.nextRetryAt()?.getTime()).toBe(Date.now() + 2_000);

    jest.advanceTimersByTime(2_000);
    manager().failOpen();
    expect(service.connectionState()).toBe('offline');
    expect(service.nextRetryAt()?.getTime()).toBe(Date.now() + 4_000);

    jest.advanceTimersByTime(4_000);
    manager().connectAll();
    expect(service.connectionState()).toBe('connected');
    expect(service.nextRetryAt()).toBeNull();
    expect(service.lastError()).toBeNull();
  });

  it('backs off exponentially up to 30 s and never gives up', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().failOpen();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const due = service.nextRetryAt();
      if (!due) throw new Error('no retry scheduled');
      delays.push(due.getTime() - Date.now());
      jest.advanceTimersByTime(due.getTime() - Date.now());
      manager().failOpen();
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect(manager().openCalls).toBe(10);
  });

  it('is offline whenever the browser says so', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().connectAll();
    window.dispatchEvent(new Event('offline'));
    expect(service.connectionState()).toBe('offline');
  });

  it('retries at once when the browser comes back online', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().connectAll();
    manager().drop();
    jest.advanceTimersByTime(1_000);
    manager().failOpen();
    jest.advanceTimersByTime(2_000);
    manager().failOpen();
    expect(service.connectionState()).toBe('offline');
    const opensBefore = manager().openCalls;

    window.dispatchEvent(new Event('online'));

    expect(manager().openCalls).toBe(opensBefore + 1);
    expect(service.nextRetryAt()).toBeNull();
    manager().connectAll();
    expect(service.connectionState()).toBe('connected');
  });

  it('retries at once when the page becomes visible while disconnected', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().failOpen();
    const opensBefore = manager().openCalls;
    jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(manager().openCalls).toBe(opensBefore + 1);
  });

  it('registers one socket handler per event, shared by subscribers and kept across reconnects', () => {
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    const a = service.on('/chat', 'new_message').subscribe((p) => seenA.push(p));
    const b = service.on('/chat', 'new_message').subscribe((p) => seenB.push(p));
    manager().connectAll();
    expect(socket('/chat').listenerCount('new_message')).toBe(1);

    manager().drop();
    jest.advanceTimersByTime(1_000);
    manager().connectAll();
    expect(socket('/chat').listenerCount('new_message')).toBe(1);

    socket('/chat').serverEmit('new_message', { message, conversation });
    expect(seenA).toEqual([{ message, conversation }]);
    expect(seenB).toEqual([{ message, conversation }]);

    a.unsubscribe();
    expect(socket('/chat').listenerCount('new_message')).toBe(1);
    b.unsubscribe();
    expect(socket('/chat').listenerCount('new_message')).toBe(0);
  });

  it('sends the fresh token when a namespace reconnects', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().connectAll();
    token.set('token-2');
    manager().drop();
    jest.advanceTimersByTime(1_000);
    manager().completeOpen();
    expect(socket('/chat').handshakes).toEqual([{ token: 'token-1' }, { token: 'token-2' }]);
  });

  it('emits on connected$ at every (re)connect of the namespace', () => {
    let connects = 0;
    service.connected$('/chat').subscribe(() => connects++);
    manager().connectAll();
    manager().drop();
    jest.advanceTimersByTime(1_000);
    manager().connectAll();
    expect(connects).toBe(2);
    expect(service.namespaceStatus('/chat')()).toBe('connected');
  });

  describe('emit', () => {
    beforeEach(() => {
      service.on('/chat', 'new_message').subscribe();
      manager().connectAll();
    });

    it('resolves with the data of an ok ack', async () => {
      const sent = service.emit('/chat', 'typing', { conversationId: 'c1', isTyping: true });
      const out = socket('/chat').lastSent('typing');
      expect(out?.payload).toEqual({ conversationId: 'c1', isTyping: true });
      out?.ack?.({ ok: true, data: { conversationId: 'c1' } });
      await expect(sent).resolves.toEqual({ conversationId: 'c1' });
    });

    it('rejects with the code and message of an error ack', async () => {
      const sent = service.emit('/chat', 'typing', { conversationId: 'c1', isTyping: true });
      socket('/chat')
        .lastSent('typing')
        ?.ack?.({ ok: false, error: { code: 'rate_limited', message: 'Slow down' } });
      await expect(sent).rejects.toEqual(expect.objectContaining({ code: 'rate_limited', message: 'Slow down' }));
      await expect(sent).rejects.toBeInstanceOf(RealtimeError);
    });

    it('rejects with code timeout when no ack comes in time', async () => {
      const sent = service.emit('/chat', 'typing', { conversationId: 'c1', isTyping: true }, { timeoutMs: 500 });
      jest.advanceTimersByTime(500);
      await expect(sent).rejects.toEqual(expect.objectContaining({ code: 'timeout' }));
      // a late ack changes nothing
      socket('/chat').lastSent('typing')?.ack?.({ ok: true, data: {} });
    });

    it('rejects with code offline, without sending, when not connected', async () => {
      manager().drop();
      const before = socket('/chat').sent.length;
      await expect(service.emit('/chat', 'typing', { conversationId: 'c1', isTyping: true })).rejects.toEqual(
        expect.objectContaining({ code: 'offline' }),
      );
      expect(socket('/chat').sent).toHaveLength(before);
    });
  });

  it('ends the session as expired when a namespace refuses the token as unauthorized', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().completeOpen();
    socket('/chat').rejectConnect('unauthorized');
    expect(expire).toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(manager().openCalls).toBe(1);
  });

  it('leaves a forbidden namespace alone and keeps the others', () => {
    service.on('/chat', 'new_message').subscribe();
    service.on('/stats', 'stats_updated').subscribe();
    manager().completeOpen();
    socket('/chat').acceptConnect();
    socket('/stats').rejectConnect('forbidden');
    expect(service.namespaceStatus('/stats')()).toBe('forbidden');
    expect(service.connectionState()).toBe('connected');
    expect(expire).not.toHaveBeenCalled();

    manager().drop();
    jest.advanceTimersByTime(1_000);
    manager().completeOpen();
    expect(socket('/stats').handshakes).toHaveLength(1);
    expect(socket('/chat').handshakes).toHaveLength(2);
  });

  it('disconnects on logout and reconnects with a new manager on the next login', () => {
    service.on('/chat', 'new_message').subscribe();
    manager().connectAll();
    const first = manager();

    token.set(null);
    TestBed.tick();
    expect(first.sockets.get('/chat')?.active).toBe(false);
    expect(service.namespaceStatus('/chat')()).toBe('idle');
    expect(service.connectionState()).toBe('connecting');

    token.set('token-3');
    TestBed.tick();
    expect(managers).toHaveLength(2);
    manager().connectAll();
    expect(socket('/chat').handshakes).toEqual([{ token: 'token-3' }]);
    expect(socket('/chat').listenerCount('new_message')).toBe(1);
  });
});
