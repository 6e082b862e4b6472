import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { ApiError, toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LanguageSwitchComponent } from '../../../core/layout/language-switch.component';
import { homePathFor } from '../../../core/layout/nav-items';

/** Email + password sign-in; says what the API answered (invalid credentials, account disabled, wait N s…). */
@Component({
  selector: 'sb-login-page',
  imports: [ReactiveFormsModule, TranslatePipe, LanguageSwitchComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="login">
      <form class="panel" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="head">
          <h1>{{ 'login.title' | translate }}</h1>
          <sb-language-switch />
        </div>
        <p class="muted">{{ 'login.subtitle' | translate }}</p>
        @if (expired) {
          <p class="notice" role="status" data-testid="login-expired">{{ 'login.expired' | translate }}</p>
        }

        <label for="login-email">{{ 'login.email' | translate }}</label>
        <input
          id="login-email"
          type="email"
          formControlName="email"
          autocomplete="username"
          data-testid="login-email"
          [attr.aria-invalid]="!!fieldError('email')"
        />
        @if (fieldError('email'); as message) {
          <p class="field-error" data-testid="login-email-error">{{ message }}</p>
        }

        <label for="login-password">{{ 'login.password' | translate }}</label>
        <input
          id="login-password"
          type="password"
          formControlName="password"
          autocomplete="current-password"
          data-testid="login-password"
          [attr.aria-invalid]="!!fieldError('password')"
        />
        @if (fieldError('password'); as message) {
          <p class="field-error" data-testid="login-password-error">{{ message }}</p>
        }

        @if (errorText(); as text) {
          <p class="error" role="alert" data-testid="login-error">{{ text }}</p>
        }

        <button type="submit" class="primary" data-testid="login-submit" [disabled]="submitting()">
          {{ (submitting() ? 'login.submitting' : 'login.submit') | translate }}
        </button>
      </form>
    </main>
  `,
  styles: `
    .login {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 1rem;
    }
    .panel {
      width: min(24rem, 100%);
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 2rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    h1 {
      margin: 0;
      font-size: 1.4rem;
    }
    .muted {
      margin: 0 0 0.75rem;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
      margin-top: 0.5rem;
    }
    .field-error,
    .error {
      color: var(--sb-red);
      font-size: 0.85rem;
      margin: 0;
    }
    .notice {
      margin: 0 0 0.5rem;
      padding: 0.6rem 0.75rem;
      background: var(--sb-primary-soft);
      border-radius: var(--sb-radius);
      font-size: 0.9rem;
    }
    .error {
      padding: 0.6rem 0.75rem;
      background: var(--sb-red-soft);
      border-radius: var(--sb-radius);
      margin-top: 0.5rem;
    }
    button {
      margin-top: 1rem;
    }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  /** Sent here because the server refused the session (see AuthStore.expire). */
  protected readonly expired = this.route.snapshot.queryParamMap.has('expired');
  protected readonly submitting = signal(false);
  private readonly error = signal<ApiError | 'required' | null>(null);

  protected readonly errorText = computed(() => {
    const error = this.error();
    if (!error) return null;
    if (error === 'required') return this.i18n.t('login.required');
    // The server marks a disabled account by a detail, not by its message, so the words are ours.
    if (error.code === 'unauthorized' && error.fieldMessage('account') !== null) return this.i18n.t('login.disabled');
    if (error.code === 'rate_limited' && error.retryAfterSeconds !== null) {
      return this.i18n.t('login.rateLimited', { seconds: error.retryAfterSeconds });
    }
    if (error.message) return error.message;
    return this.i18n.t(error.code === 'network' ? 'errors.network' : 'errors.unknown');
  });

  protected fieldError(path: string): string | null {
    const error = this.error();
    return error instanceof ApiError ? error.fieldMessage(path) : null;
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const { email, password } = this.form.getRawValue();
    if (!email.trim() || !password) {
      this.error.set('required');
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    try {
      const user = await this.auth.login({ email: email.trim(), password });
      await this.router.navigateByUrl(this.redirectTarget(homePathFor(user.role)));
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.submitting.set(false);
    }
  }

  /** Back to the page that sent the user here, if it is one of ours; else their first page. */
  private redirectTarget(home: string): string {
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    return returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith('/login')
      ? returnUrl
      : home;
  }
}
