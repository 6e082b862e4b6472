import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { toApiError } from '../../core/http/api-error';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** What a view says when what it shows does not exist (a 404): there is nothing to retry, only a way back. */
export interface ViewNotFound {
  title: string;
  link: string;
  linkLabel: string;
}

/**
 * The non-content states of a view: loading (before the first value), error (with a retry),
 * not found (when the view says what to show then) and empty. Shows nothing once there is
 * content; the page renders its own list then.
 */
@Component({
  selector: 'sb-view-state',
  imports: [TranslatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFoundShown(); as notFound) {
      <div class="box empty" data-testid="view-not-found">
        <p class="title">{{ notFound.title }}</p>
        <a [routerLink]="notFound.link" data-testid="view-not-found-link">{{ notFound.linkLabel }}</a>
      </div>
    } @else if (error() && !hasValue()) {
      <div class="box error" role="alert" data-testid="view-error">
        <p>{{ errorText() }}</p>
        <button type="button" (click)="retry.emit()">{{ 'live.retry' | translate }}</button>
      </div>
    } @else if (!hasValue()) {
      <p class="box" data-testid="view-loading">{{ 'live.loading' | translate }}</p>
    } @else if (empty()) {
      <div class="box empty" data-testid="view-empty">
        <p class="title">{{ emptyTitle() }}</p>
        @if (emptyHint()) {
          <p class="hint">{{ emptyHint() }}</p>
        }
      </div>
    } @else if (error()) {
      <p class="inline-error" role="alert" data-testid="view-error">
        {{ errorText() }}
        <button type="button" (click)="retry.emit()">{{ 'live.retry' | translate }}</button>
      </p>
    }
  `,
  styles: `
    .box {
      padding: 2.5rem 1rem;
      text-align: center;
      color: var(--sb-muted);
      border: 1px dashed var(--sb-border);
      border-radius: var(--sb-radius);
    }
    .title {
      font-weight: 600;
      color: var(--sb-text);
      margin: 0 0 0.4rem;
    }
    .hint {
      margin: 0;
    }
    .error {
      border-color: var(--sb-red);
      color: var(--sb-red);
    }
    .inline-error {
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    button {
      margin-left: 0.5rem;
    }
  `,
})
export class ViewStateComponent {
  private readonly i18n = inject(I18nService);

  readonly hasValue = input.required<boolean>();
  readonly empty = input(false);
  readonly error = input<unknown>(null);
  readonly emptyTitle = input('');
  readonly emptyHint = input('');
  /**
   * Shown instead of the error and its retry when the load failed with `not_found`, or with
   * `forbidden` (then titled with the server's reason): trying again cannot change either.
   */
  readonly notFound = input<ViewNotFound | null>(null);
  readonly retry = output<void>();

  protected readonly notFoundShown = computed(() => {
    const notFound = this.notFound();
    if (!notFound || this.hasValue()) return null;
    const error = toApiError(this.error());
    if (error.code === 'not_found') return notFound;
    return error.code === 'forbidden' ? { ...notFound, title: error.message || notFound.title } : null;
  });

  protected readonly errorText = computed(() => {
    const error = toApiError(this.error());
    if (error.message) return error.message;
    return this.i18n.t(error.code === 'network' ? 'errors.network' : 'errors.unknown');
  });
}
