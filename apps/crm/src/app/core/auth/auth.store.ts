import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, StaffRole, User } from '@switchboard/contracts/types';
import { toApiError } from '../http/api-error';
import { AuthApi } from './auth.api';
import { roleIn } from '@switchboard/contracts/types';

export const AUTH_STORAGE_KEY = 'sb.auth';

interface StoredSession {
  accessToken: string;
  user: User;
}

function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(AUTH_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof parsed.accessToken !== 'string' || !parsed.user || typeof parsed.user.role !== 'string') return null;
    return { accessToken: parsed.accessToken, user: parsed.user };
  } catch {
    return null;
  }
}

function writeSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(AUTH_STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(AUTH_STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode, quota): the session then lasts for the page only.
  }
}

/** The signed-in staff user and their access token, kept across reloads in localStorage. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly session = signal<StoredSession | null>(readSession());

  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly user = computed(() => this.session()?.user ?? null);
  readonly role = computed<StaffRole | null>(() => this.session()?.user.role ?? null);
  readonly isLoggedIn = computed(() => this.session() !== null);

  constructor() {
    // Logging out in another tab removes the stored session: this tab follows (its sockets close
    // with the session), rather than staying live on a session the user ended.
    const onStorage = (event: StorageEvent) => {
      if (event.key !== AUTH_STORAGE_KEY && event.key !== null) return;
      if (this.session() !== null && readSession() === null) this.leave();
    };
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('storage', onStorage));
  }

  /** Signs in; rejects with an ApiError (invalid credentials, rate limited, network…). */
  async login(credentials: LoginRequest): Promise<User> {
    try {
      const { accessToken, user } = await this.api.login(credentials);
      this.setSession({ accessToken, user });
      return user;
    } catch (error) {
      throw toApiError(error);
    }
  }

  /** Reloads the user behind the stored token; a 401 logs out through the interceptor. */
  async refreshUser(): Promise<void> {
    const token = this.token();
    if (!token) return;
    try {
      const user = await this.api.me();
      if (this.token() === token) this.setSession({ accessToken: token, user });
    } catch {
      // Offline or server down: keep the stored session, the UI shows the connection state.
    }
  }

  /**
   * Signs out: forgets the session here (every tab follows), goes to the login page, and asks the
   * server to end it. The user does not wait for that request, which is best effort: offline or
   * failing, they have left already and the token is gone from this browser.
   */
  async logout(): Promise<void> {
    const token = this.token();
    this.leave();
    if (!token) return;
    try {
      await this.api.logout(token);
    } catch {
      // Not reached or refused: nothing to tell a user who has left; the token expires on its own.
    }
  }

  /**
   * The PATCH answer about someone: if it is the signed-in user (an admin renaming themselves),
   * the top bar and the account page show it at once.
   */
  updateUser(user: User): void {
    const session = this.session();
    if (!session || session.user.id !== user.id) return;
    const { id, email, name, role, active } = user;
    this.setSession({ accessToken: session.accessToken, user: { id, email, name, role, active } });
  }

  /**
   * The server refused the token (expired or revoked): the login page says so and, once signed
   * in again, brings the user back to where they were.
   */
  expire(): void {
    if (this.session() === null) return;
    this.setSession(null);
    // Refused while the app is still starting (a bookmarked page, a token expired overnight): the
    // router is not there yet, the address bar is.
    const here = this.router.navigated
      ? this.router.url
      : this.document.location.pathname + this.document.location.search;
    const returnUrl = here.startsWith('/') && !here.startsWith('/login') && here !== '/' ? here : null;
    void this.router.navigate(['/login'], { queryParams: { expired: 1, ...(returnUrl ? { returnUrl } : {}) } });
  }

  hasRole(roles: readonly StaffRole[]): boolean {
    const role = this.role();
    return roleIn(roles, role);
  }

  /** Forgets the session and goes to the login page (the server's side is the caller's business). */
  private leave(): void {
    if (this.session() !== null) this.setSession(null);
    void this.router.navigateByUrl('/login');
  }

  private setSession(session: StoredSession | null): void {
    this.session.set(session);
    writeSession(session);
  }
}
