import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AUTH_STORAGE_KEY, AuthStore } from '../auth/auth.store';
import { authInterceptor } from './auth.interceptor';

const user = { id: '0b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10', email: 'ana@example.com', name: 'Ana', role: 'agent' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  function setUp(loggedIn: boolean) {
    localStorage.clear();
    if (loggedIn) localStorage.setItem(AUTH_STORAGE_KEY, JSON.stringify({ accessToken: 'tok-1', user }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  it('adds the bearer token to /api requests', async () => {
    setUp(true);
    const done = firstValueFrom(http.get('/api/conversations'));
    const request = backend.expectOne('/api/conversations');
    expect(request.request.headers.get('Authorization')).toBe('Bearer tok-1');
    request.flush({ items: [], nextCursor: null });
    await done;
  });

  it('sends no header when logged out', async () => {
    setUp(false);
    const done = firstValueFrom(http.get('/api/health'));
    const request = backend.expectOne('/api/health');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({ status: 'ok' });
    await done;
  });

  it('never sends the token to another origin', async () => {
    setUp(true);
    const done = firstValueFrom(http.get('https://cdn.example.com/file.json'));
    const request = backend.expectOne('https://cdn.example.com/file.json');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await done;
  });

  it('keeps an Authorization header the caller set and does not log out on its 401', async () => {
    setUp(true);
    const done = firstValueFrom(
      http.get('/api/conversations/c1', { headers: { Authorization: 'Bearer contact-1' } }),
    ).catch((e: unknown) => e);
    const request = backend.expectOne('/api/conversations/c1');
    expect(request.request.headers.get('Authorization')).toBe('Bearer contact-1');
    request.flush(
      { error: { code: 'unauthorized', message: 'Token expired' } },
      { status: 401, statusText: 'Unauthorized' },
    );
    await done;
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(true);
  });

  it('ends the session and goes to /login saying it expired when an API call answers 401', async () => {
    setUp(true);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const done = firstValueFrom(http.get('/api/auth/me')).catch((e: unknown) => e);
    backend
      .expectOne('/api/auth/me')
      .flush(
        { error: { code: 'unauthorized', message: 'Token expired' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { expired: 1 } });
  });

  it('does not log out on a 401 from the login call (wrong password)', async () => {
    setUp(true);
    const done = firstValueFrom(http.post('/api/auth/login', {})).catch((e: unknown) => e);
    backend
      .expectOne('/api/auth/login')
      .flush(
        { error: { code: 'unauthorized', message: 'Invalid email or password' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(true);
  });
});
