import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import type { Notification } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { NotificationTextPipe } from '../data/notification-text.pipe';

/** How far below the visible end the next page starts loading. */
const LOAD_AHEAD_PX = 160;

/**
 * Notifications, newest first, unread ones marked; loading, empty and error states; the next
 * page loads when the end of the list scrolls near (with a button as fallback). The panel and
 * the page both show it.
 */
@Component({
  selector: 'sb-notification-list',
  imports: [TranslatePipe, ViewStateComponent, NotificationTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-view-state
      [hasValue]="items() !== undefined"
      [empty]="(items() ?? []).length === 0"
      [error]="error()"
      [emptyTitle]="'notifications.empty' | translate"
      [emptyHint]="'notifications.emptyHint' | translate"
      (retry)="retry.emit()"
    />
    @if (items(); as items) {
      @if (items.length > 0) {
        <ul class="list" data-testid="notification-list">
          @for (notification of items; track notification.id) {
            <li>
              <button
                type="button"
                class="item"
                [class.unread]="!notification.readAt"
                data-testid="notification-item"
                [attr.data-id]="notification.id"
                [attr.data-read]="notification.readAt ? 'true' : 'false'"
                (click)="opened.emit(notification)"
              >
                <span class="dot" aria-hidden="true"></span>
                <span class="text">
                  @let text = notification | notificationText: language();
                  <span class="title">{{ text.title }}</span>
                  <span class="body">{{ text.body }}</span>
                  <span class="meta">
                    <time [attr.datetime]="notification.createdAt">{{ when(notification.createdAt) }}</time>
                    @if (!notification.readAt) {
                      <span class="sr-only">· {{ 'notifications.unread' | translate }}</span>
                    }
                  </span>
                </span>
              </button>
            </li>
          }
        </ul>
        @if (hasMore()) {
          <div #sentinel class="more">
            @if (loadingMore()) {
              <span class="muted" data-testid="notifications-loading-more">{{
                'notifications.loadingMore' | translate
              }}</span>
            } @else {
              @if (loadMoreError()) {
                <span class="error" role="alert">{{ loadMoreErrorText() }}</span>
              }
              <button type="button" class="link" data-testid="notifications-load-more" (click)="loadMore.emit()">
                {{ 'notifications.loadMore' | translate }}
              </button>
            }
          </div>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li + li {
      border-top: 1px solid var(--sb-border);
    }
    .item {
      display: flex;
      gap: 0.6rem;
      width: 100%;
      text-align: left;
      padding: 0.65rem 0.75rem;
      border: 0;
      border-radius: 0;
      background: transparent;
      color: var(--sb-text);
      cursor: pointer;
    }
    .item:hover {
      background: var(--sb-hover);
    }
    .dot {
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      margin-top: 0.45rem;
      border-radius: 50%;
      background: transparent;
    }
    .unread .dot {
      background: var(--sb-primary);
    }
    .text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .title {
      font-weight: 400;
    }
    .unread .title {
      font-weight: 650;
    }
    .body {
      color: var(--sb-muted);
      font-size: 0.88rem;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--sb-muted);
      font-size: 0.75rem;
    }
    .more {
      padding: 0.6rem;
      text-align: center;
      font-size: 0.85rem;
    }
    .muted {
      color: var(--sb-muted);
    }
    .error {
      color: var(--sb-red);
      margin-right: 0.5rem;
    }
    .link {
      border: 0;
      background: none;
      color: var(--sb-primary);
      padding: 0.2rem 0.4rem;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class NotificationListComponent {
  private readonly i18n = inject(I18nService);
  protected readonly language = this.i18n.language;

  readonly items = input.required<Notification[] | undefined>();
  readonly error = input<unknown>(null);
  readonly hasMore = input(false);
  readonly loadingMore = input(false);
  readonly loadMoreError = input<unknown>(null);
  /** The scrolling element the list lives in (the panel); the page scrolls with the window (null). */
  readonly scrollRoot = input<HTMLElement | null>(null);

  readonly opened = output<Notification>();
  readonly loadMore = output<void>();
  readonly retry = output<void>();

  private readonly sentinel = viewChild<ElementRef<HTMLElement>>('sentinel');
  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }),
  );
  protected readonly loadMoreErrorText = computed(() => (this.loadMoreError() ? this.i18n.t('errors.unknown') : ''));

  constructor() {
    let observer: IntersectionObserver | null = null;
    effect(() => {
      const sentinel = this.sentinel()?.nativeElement;
      const root = this.scrollRoot();
      // Re-observed after every page and every finished load, so a sentinel still in view loads the next one.
      this.items();
      const busy = this.loadingMore() || !!this.loadMoreError();
      observer?.disconnect();
      observer = null;
      if (!sentinel || busy || typeof IntersectionObserver === 'undefined') return;
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.loadMore.emit();
        },
        { root, rootMargin: `0px 0px ${LOAD_AHEAD_PX}px 0px` },
      );
      observer.observe(sentinel);
    });
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
  }

  protected when(iso: string): string {
    return this.dateFormat().format(new Date(iso));
  }
}
