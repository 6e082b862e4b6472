import { InjectionToken, computed, inject, type Signal } from '@angular/core';
import { AuthStore } from '../auth/auth.store';

/**
 * Whose connection RealtimeService opens: the token sent in the handshake, whether a session
 * exists at all, and what to do when the server refuses the token. The staff app uses the
 * signed-in user (the default); the customer widget provides its contact session instead.
 */
export interface RealtimeSession {
  /** Read at every (re)connect, so the freshest token is sent. */
  readonly token: Signal<string | null>;
  /** Connected while true, disconnected while false. */
  readonly active: Signal<boolean>;
  /** The server answered `unauthorized`: the token expired or was revoked. */
  unauthorized(): void;
}

export const REALTIME_SESSION = new InjectionToken<RealtimeSession>('REALTIME_SESSION', {
  providedIn: 'root',
  factory: () => {
    const auth = inject(AuthStore);
    return { token: auth.token, active: computed(() => auth.isLoggedIn()), unauthorized: () => auth.expire() };
  },
});
