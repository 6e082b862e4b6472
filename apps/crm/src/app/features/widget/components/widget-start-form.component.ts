import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { toApiError } from '../../../core/http/api-error';
import type { WidgetSessionRequest } from '../data/widget.types';

/** Name (required) and email (optional) before the first message. */
@Component({
  selector: 'sb-widget-start-form',
  imports: [ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p class="muted">{{ 'widget.intro' | translate }}</p>
      @if (expired()) {
        <p class="note" role="status">{{ 'widget.expired' | translate }}</p>
      }
      <label for="widget-name">{{ 'widget.name' | translate }}</label>
      <input
        id="widget-name"
        data-testid="widget-name"
        formControlName="name"
        autocomplete="name"
        maxlength="120"
        [attr.aria-invalid]="showErrors() && form.controls.name.invalid"
      />
      @if (showErrors() && form.controls.name.invalid) {
        <p class="error">{{ 'widget.nameRequired' | translate }}</p>
      }
      <label for="widget-email">{{ 'widget.email' | translate }}</label>
      <input
        id="widget-email"
        type="email"
        data-testid="widget-email"
        formControlName="email"
        autocomplete="email"
        maxlength="254"
        [attr.aria-invalid]="showErrors() && form.controls.email.invalid"
      />
      @if (showErrors() && form.controls.email.invalid) {
        <p class="error">{{ 'widget.emailInvalid' | translate }}</p>
      }
      @if (errorText(); as text) {
        <p class="error" role="alert" data-testid="widget-error">{{ text }}</p>
      }
      <button type="submit" class="primary" data-testid="widget-start" [disabled]="busy()">
        {{ (busy() ? 'widget.starting' : 'widget.start') | translate }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 1rem;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
      margin-top: 0.4rem;
    }
    .error {
      color: var(--sb-red);
      font-size: 0.8rem;
      margin: 0;
    }
    .note {
      background: var(--sb-hover);
      padding: 0.4rem 0.6rem;
      border-radius: var(--sb-radius);
      font-size: 0.85rem;
      margin: 0;
    }
    .muted {
      margin: 0;
    }
    button {
      margin-top: 0.8rem;
    }
  `,
})
export class WidgetStartFormComponent {
  private readonly i18n = inject(I18nService);

  readonly busy = input(false);
  readonly error = input<unknown>(null);
  readonly expired = input(false);
  readonly startChat = output<WidgetSessionRequest>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
    email: ['', [Validators.email, Validators.maxLength(254)]],
  });
  protected readonly showErrors = signal(false);
  protected readonly errorText = computed(() => {
    const error = this.error();
    if (!error) return null;
    const apiError = toApiError(error);
    return apiError.message || this.i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
  });

  protected submit(): void {
    this.showErrors.set(true);
    if (this.form.invalid || this.busy()) return;
    const name = this.form.controls.name.value.trim();
    const email = this.form.controls.email.value.trim();
    this.startChat.emit(email ? { name, email } : { name });
  }
}
