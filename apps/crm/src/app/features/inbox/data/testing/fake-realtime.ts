import { signal } from '@angular/core';
import { REALTIME_SESSION } from '../../../../core/realtime/realtime-session';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from '../../../../core/realtime/realtime.service';
import { FakeManager, type FakeSocket } from '../../../../core/realtime/testing/fake-socket-manager';

/**
 * Providers that give the real RealtimeService a fake socket.io Manager, and handles to play
 * the server: `chat()` is the /chat socket, `managers.at(-1)` the current manager.
 */
export function fakeRealtime() {
  const managers: FakeManager[] = [];
  const manager = () => {
    const m = managers.at(-1);
    if (!m) throw new Error('no manager yet');
    return m;
  };
  const chat = (): FakeSocket => {
    const s = manager().sockets.get('/chat');
    if (!s) throw new Error('no /chat socket yet');
    return s;
  };
  const providers = [
    { provide: REALTIME_SESSION, useValue: { token: signal('token-1'), active: signal(true), unauthorized: () => undefined } },
    {
      provide: SOCKET_MANAGER_FACTORY,
      useValue: (uri: string, options: never) => {
        const m = new FakeManager(uri, options);
        managers.push(m);
        return m;
      },
    },
    { provide: REALTIME_CONFIG, useValue: { backoff: { random: () => 0.5 }, offlineAfterFailedAttempts: 2, connectTimeoutMs: 10_000 } },
  ];
  return { providers, manager, chat };
}
