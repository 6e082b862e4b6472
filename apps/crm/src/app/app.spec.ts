import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { App } from './app';
import { appRoutes } from './app.routes';
import { AUTH_STORAGE_KEY } from './core/auth/auth.store';
import { authInterceptor } from './core/http/auth.interceptor';
import { SOCKET_MANAGER_FACTORY } from './core/realtime/realtime.config';
import { FakeManager } from './core/realtime/testing/fake-socket-manager';

describe('App', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: SOCKET_MANAGER_FACTORY, useValue: () => new FakeManager() },
      ],
    });
  });

  it('sends an anonymous visitor to the login page', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/inbox');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="login-email"]')).not.toBeNull();
  });

  it('sends a signed-in marketer from / to campaigns and shows only their pages', async () => {
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ accessToken: 't', user: { id: 'u', email: 'm@example.com', name: 'Mia', role: 'marketer' } }),
    );
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toContain('Campaigns');
    const links = Array.from(page.querySelectorAll('nav a')).map((a) => a.getAttribute('data-testid'));
    expect(links).toEqual(['nav-campaigns']);
    expect(page.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state')).toBe('connecting');
    expect(page.querySelector('[data-testid="current-user"]')?.textContent).toContain('Mia');
    expect(page.querySelector('[data-testid="logout"]')).not.toBeNull();
  });

  it('keeps a marketer out of the dashboard', async () => {
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ accessToken: 't', user: { id: 'u', email: 'm@example.com', name: 'Mia', role: 'marketer' } }),
    );
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toContain('Campaigns');
  });

  it("the signed-in user's name in the top bar opens their account page, whatever their role", async () => {
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({
        accessToken: 't',
        user: { id: 'u', email: 'm@example.com', name: 'Mia', role: 'marketer', active: true },
      }),
    );
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    const page = harness.fixture.nativeElement as HTMLElement;
    const link = page.querySelector<HTMLAnchorElement>('a[data-testid="current-user"]');
    expect(link?.getAttribute('href')).toBe('/account');

    link?.click();
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Your account');
    expect(page.querySelector('[data-testid="account-email"]')?.textContent).toContain('m@example.com');
    expect(page.querySelector('[data-testid="change-password-form"]')).not.toBeNull();
  });

  it('Log out ends the session on the server with its token and shows the login page', async () => {
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({
        accessToken: 'tok-9',
        user: { id: 'u', email: 'm@example.com', name: 'Mia', role: 'marketer', active: true },
      }),
    );
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    const page = harness.fixture.nativeElement as HTMLElement;
    page.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    await harness.fixture.whenStable();

    const logout = TestBed.inject(HttpTestingController).expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer tok-9');
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull();
    expect(page.querySelector('[data-testid="login-email"]')).not.toBeNull();
    logout.flush(null, { status: 204, statusText: 'No Content' });
  });
});
