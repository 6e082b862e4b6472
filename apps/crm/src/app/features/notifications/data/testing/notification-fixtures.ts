import type { Notification } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../../core/realtime/testing/fake-realtime';

let counter = 0;

export function notification(overrides: Partial<Notification> = {}): Notification {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'conversation.created',
    params: { contactName: `Contact ${counter}`, channel: 'web', subject: null },
    title: `New conversation with Contact ${counter}`,
    body: 'A new web chat conversation is waiting',
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

/** The fake realtime connection with `socket()` bound to /notifications. */
export function fakeNotificationsRealtime() {
  const realtime = fakeRealtime();
  return { ...realtime, socket: () => realtime.socket('/notifications') };
}
