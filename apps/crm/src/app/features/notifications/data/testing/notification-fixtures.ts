import { signal } from '@angular/core';
import type { Notification } from '@switchboard/contracts';
import { REALTIME_SESSION } from '../../../../core/realtime/realtime-session';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from '../../../../core/realtime/realtime.service';
import { FakeManager, type FakeSocket } from '../../../../core/realtime/testing/fake-socket-manager';

let counter = 0;

export function notification(overrides: Partial<Notification> = {}): Notification {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'conversation.created',
    title: `New conversation ${counter}`,
    body: 'A new web conversation is waiting',
    url: `/inbox/c-${counter}`,
    data: {},
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, counter)).toISOString(),
    readAt: null,
    ...overrides,
  };
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/**
 * Providers that give the real RealtimeService a fake socket.io Manager; `socket()` is the
 * /notifications socket (play the server with `serverEmit`, answer acks via `lastSent`).
 */
export function fakeNotificationsRealtime() {
  const managers: FakeManager[] = [];
  const manager = () => {
    const m = managers.at(-1);
    if (!m) throw new Error('no manager yet');
    return m;
  };
  const socket = (): FakeSocket => {
    const s = manager().sockets.get('/notifications');
    if (!s) throw new Error('no /notifications socket yet');
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
  return { providers, manager, socket };
}
