import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { REALTIME_SESSION } from '../realtime/realtime-session';
import { AuthApi } from './auth.api';
import { AUTH_STORAGE_KEY, AuthStore } from './auth.store';

const user = { id: '0b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10', email: 'ana@example.com', name: 'Ana', role: 'agent' };
const stored = (accessToken: string) => JSON.stringify({ accessToken, user });

describe('AuthStore', () => {
  let auth: AuthStore;
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
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthApi, useValue: {} }] });
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
});
