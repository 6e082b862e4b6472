import { HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { User, UserWithPresence } from '@switchboard/contracts/types';
import { authInterceptor } from '../http/auth.interceptor';
import { REALTIME_SESSION } from '../realtime/realtime-session';
import { AuthApi } from './auth.api';
import { AUTH_STORAGE_KEY, AuthStore } from './auth.store';

const user: User = {
  id: '0b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'agent',
  active: true,
};
const stored = (accessToken: string) => JSON.stringify({ accessToken, user });

describe('AuthStore', () => {
  let auth: AuthStore;
  let api: { logout: jest.Mock };
  let navigate: jest.SpyInstance;

  /** What the browser tells this tab when another tab changes the key. */
  const otherTabWrites = (key: string | null, newValue: string | null) => {
    if (key !== null) {
      if (newValue === null) localStorage.removeItem(key);
      else localStorage.setItem(key, newValue);
    } else localStorage.clear();
    window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
  };

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(AUTH_STORAGE_KEY, stored('tok-1'));
    api = { logout: jest.fn(async () => undefined) };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthApi, useValue: api }] });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    auth = TestBed.inject(AuthStore);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    localStorage.clear();
  });

  it('logging out in another tab logs this tab out too: session gone, sockets closed, on /login', () => {
    const realtime = TestBed.inject(REALTIME_SESSION);
    expect(auth.isLoggedIn()).toBe(true);
    expect(realtime.active()).toBe(true);

    otherTabWrites(AUTH_STORAGE_KEY, null);

    expect(auth.isLoggedIn()).toBe(false);
    expect(auth.token()).toBeNull();
    expect(realtime.active()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
    // The tab that logged out ended the session on the server; this one only follows.
    expect(api.logout).not.toHaveBeenCalled();
  });

  it('storage cleared in another tab logs this tab out as well', () => {
    otherTabWrites(null, null);
    expect(auth.isLoggedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
  });

  it('other keys, or a session still stored, leave this tab signed in', () => {
    otherTabWrites('some.other.key', 'x');
    otherTabWrites(AUTH_STORAGE_KEY, stored('tok-2'));
    expect(auth.isLoggedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('a session the server refused goes to /login saying it expired, with the way back to the page', () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/inbox/c1');
    router.navigated = true;

    auth.expire();

    expect(auth.isLoggedIn()).toBe(false);
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { expired: 1, returnUrl: '/inbox/c1' } });
    // Several refusals at once (REST and sockets) navigate once.
    auth.expire();
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('refused while the app is still starting, the way back is the address the page was opened at', () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    window.history.replaceState(null, '', '/inbox/c7?tab=mine');
    expect(router.navigated).toBe(false);

    auth.expire();

    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { expired: 1, returnUrl: '/inbox/c7?tab=mine' } });
    window.history.replaceState(null, '', '/');
  });

  it('logging out leaves at once for /login and asks the server to end that session, without waiting for it', async () => {
    let answer: () => void = () => undefined;
    api.logout.mockReturnValueOnce(new Promise<void>((resolve) => (answer = resolve)));
    const realtime = TestBed.inject(REALTIME_SESSION);

    const done = auth.logout();

    expect(api.logout).toHaveBeenCalledWith('tok-1');
    expect(auth.isLoggedIn()).toBe(false);
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(realtime.active()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
    answer();
    await done;
  });

  it('offline or refused, logging out still ends the session here', async () => {
    api.logout.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
    await expect(auth.logout()).resolves.toBeUndefined();
    expect(auth.isLoggedIn()).toBe(false);
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');

    // Signed out already: nothing to end on the server.
    await auth.logout();
    expect(api.logout).toHaveBeenCalledTimes(1);
  });

  it('follows a change an admin made to themselves (a rename), and ignores changes to others', () => {
    auth.updateUser({ ...user, id: '1b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10', name: 'Someone else' });
    expect(auth.user()?.name).toBe('Ana');

    const patchAnswer: UserWithPresence = { ...user, name: 'Ana María', online: true };
    auth.updateUser(patchAnswer);
    expect(auth.user()).toEqual({ ...user, name: 'Ana María' });
    expect(JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY) ?? '{}')).toEqual({
      accessToken: 'tok-1',
      user: { ...user, name: 'Ana María' },
    });
  });
});

describe('AuthStore logout over HTTP', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
    localStorage.clear();
  });

  it('sends the ended session its own token, and its late 401 does not end a session started since', async () => {
    localStorage.clear();
    localStorage.setItem(AUTH_STORAGE_KEY, stored('tok-1'));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const auth = TestBed.inject(AuthStore);
    const backend = TestBed.inject(HttpTestingController);

    const loggedOut = auth.logout();
    const logout = backend.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer tok-1');

    const signedIn = auth.login({ email: 'ana@example.com', password: 'secret-password' });
    backend.expectOne('/api/auth/login').flush({ accessToken: 'tok-2', user });
    await signedIn;

    logout.flush(
      { error: { code: 'unauthorized', message: 'Session ended' } },
      { status: 401, statusText: 'Unauthorized' },
    );
    await loggedOut;
    expect(auth.token()).toBe('tok-2');
    expect(navigate).not.toHaveBeenCalled();
    backend.verify();
  });
});
