import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AUTH_STORAGE_KEY } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LoginPage } from './login.page';

const user = { id: '0b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10', email: 'sam@example.com', name: 'Sam', role: 'supervisor' };

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const byTestId = <T extends HTMLElement>(id: string) => el.querySelector(`[data-testid="${id}"]`) as T | null;

  async function fillAndSubmit(email: string, password: string) {
    const emailInput = byTestId<HTMLInputElement>('login-email');
    const passwordInput = byTestId<HTMLInputElement>('login-password');
    if (!emailInput || !passwordInput) throw new Error('inputs missing');
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('login-submit')?.click();
    await fixture.whenStable();
  }

  /** Let the login promise chain finish, then render. */
  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('shows the message the API gives for rejected credentials', async () => {
    await fillAndSubmit('sam@example.com', 'wrong');
    const request = backend.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'sam@example.com', password: 'wrong' });
    expect(byTestId<HTMLButtonElement>('login-submit')?.disabled).toBe(true);

    request.flush(
      { error: { code: 'unauthorized', message: 'Invalid email or password' } },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();

    expect(byTestId('login-error')?.textContent?.trim()).toBe('Invalid email or password');
    expect(byTestId<HTMLButtonElement>('login-submit')?.disabled).toBe(false);
  });

  it('shows the rate-limit message and per-field details', async () => {
    await fillAndSubmit('not-an-email', 'x');
    backend.expectOne('/api/auth/login').flush(
      {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [{ path: 'email', message: 'Invalid email address' }],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Invalid request');
    expect(byTestId('login-email-error')?.textContent?.trim()).toBe('Invalid email address');

    await fillAndSubmit('sam@example.com', 'x');
    backend
      .expectOne('/api/auth/login')
      .flush(
        { error: { code: 'rate_limited', message: 'Too many attempts, try again in a minute' } },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Too many attempts, try again in a minute');
    expect(byTestId('login-email-error')).toBeNull();
  });

  it('says the account is disabled when the server marks it so, in the chosen language', async () => {
    await fillAndSubmit('sam@example.com', 'right-password');
    backend.expectOne('/api/auth/login').flush(
      {
        error: {
          code: 'unauthorized',
          message: 'This account is disabled',
          details: [{ path: 'account', message: 'disabled' }],
        },
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    expect(byTestId('login-error')?.textContent?.trim()).toBe(
      'This account is disabled. Ask an admin to reactivate it.',
    );

    TestBed.inject(I18nService).setLanguage('es');
    await fixture.whenStable();
    expect(byTestId('login-error')?.textContent).toContain('Esta cuenta está desactivada');
    TestBed.inject(I18nService).setLanguage('en');
  });

  it('after too many attempts says how many seconds to wait', async () => {
    await fillAndSubmit('sam@example.com', 'guess');
    backend
      .expectOne('/api/auth/login')
      .flush(
        { error: { code: 'rate_limited', message: 'Too many requests', retryAfterSeconds: 37 } },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '37' } },
      );
    await settle();
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Too many sign-in attempts. Try again in 37 s.');
    expect(byTestId<HTMLButtonElement>('login-submit')?.disabled).toBe(false);
  });

  it('says the server cannot be reached on a network failure', async () => {
    await fillAndSubmit('sam@example.com', 'pw');
    backend.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(byTestId('login-error')?.textContent).toContain('Cannot reach the server');
  });

  it('asks for both fields without calling the API', async () => {
    await fillAndSubmit('', '');
    backend.expectNone('/api/auth/login');
    expect(byTestId('login-error')?.textContent).toContain('Enter your email and password');
  });

  it('stores the session and goes to the first page the role may open', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillAndSubmit('sam@example.com', 'right');
    backend.expectOne('/api/auth/login').flush({ accessToken: 'tok', user });
    await settle();
    expect(JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY) ?? '{}')).toEqual({ accessToken: 'tok', user });
    expect(navigate).toHaveBeenCalledWith('/inbox');
  });

  it('says the session expired only when sent here for that', async () => {
    expect(byTestId('login-expired')).toBeNull();

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([{ path: 'login', component: LoginPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(Router).navigateByUrl('/login?expired=1&returnUrl=%2Finbox');
    const expired = TestBed.createComponent(LoginPage);
    await expired.whenStable();
    expect(
      (expired.nativeElement as HTMLElement).querySelector('[data-testid="login-expired"]')?.textContent,
    ).toContain('session has expired');
  });
});
