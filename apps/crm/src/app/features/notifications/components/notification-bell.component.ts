import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, inject, signal, viewChild } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { NotificationsStore } from '../data/notifications.store';
import { NotificationPanelComponent } from './notification-panel.component';

/** Widest the panel gets, and the gap it keeps from the viewport's edges and below the bell (px). */
const PANEL_MAX_WIDTH = 384;
const PANEL_MARGIN = 12;
const PANEL_GAP = 6;

export interface PanelPlacement {
  top: number;
  left: number;
  width: number;
}

/**
 * Where the panel goes, in viewport pixels: under the bell, right-aligned with it, but never past
 * either edge of the viewport. On a phone the top bar wraps and the bell can sit near the left
 * edge, where a panel aligned to its right would hang off the screen.
 */
export function panelPlacement(bell: Pick<DOMRect, 'bottom' | 'right'>, viewportWidth: number): PanelPlacement {
  const width = Math.min(PANEL_MAX_WIDTH, viewportWidth - 2 * PANEL_MARGIN);
  const left = Math.max(PANEL_MARGIN, Math.min(bell.right - width, viewportWidth - PANEL_MARGIN - width));
  return { top: bell.bottom + PANEL_GAP, left, width };
}

/** The top bar's bell: the unread badge (99+) and, on click, the notifications panel. */
@Component({
  selector: 'sb-notification-bell',
  imports: [TranslatePipe, NotificationPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(document:keydown.escape)': 'closeAndFocus()',
    '(window:resize)': 'onResize()',
  },
  template: `
    <button
      #bell
      type="button"
      class="bell"
      [class.active]="open()"
      data-testid="nav-notifications"
      aria-haspopup="dialog"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="'nav.notificationsUnread' | translate: { count: store.unreadCount() }"
      [attr.title]="'nav.notifications' | translate"
      (click)="toggle()"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      @if (store.unreadCount() > 0) {
        <span class="badge" data-testid="unread-count">{{ store.badge() }}</span>
      }
    </button>
    @if (open()) {
      <sb-notification-panel
        [style.top.px]="placement().top"
        [style.left.px]="placement().left"
        [style.width.px]="placement().width"
        (closed)="close()"
      />
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .bell {
      position: relative;
      display: inline-flex;
      padding: 0.4rem;
      border: 0;
      background: none;
      color: var(--sb-muted);
      border-radius: var(--sb-radius);
      cursor: pointer;
    }
    .bell:hover {
      background: var(--sb-hover);
      color: var(--sb-text);
    }
    .bell.active {
      color: var(--sb-primary);
      background: var(--sb-primary-soft);
    }
    .badge {
      position: absolute;
      top: -0.1rem;
      right: -0.3rem;
      min-width: 1.1rem;
      padding: 0 0.3rem;
      border-radius: 999px;
      background: var(--sb-red);
      color: #fff;
      font-size: 0.7rem;
      line-height: 1.1rem;
      text-align: center;
    }
  `,
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationsStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);
  private readonly bell = viewChild.required<ElementRef<HTMLButtonElement>>('bell');

  protected readonly open = signal(false);
  protected readonly placement = signal<PanelPlacement>({ top: 0, left: 0, width: PANEL_MAX_WIDTH });

  protected toggle(): void {
    if (!this.open()) this.place();
    this.open.update((open) => !open);
  }

  protected onResize(): void {
    if (this.open()) this.place();
  }

  /** Measured at opening and on resize: where the bell is depends on how the top bar wrapped. */
  private place(): void {
    const viewportWidth = this.document.documentElement.clientWidth;
    this.placement.set(panelPlacement(this.bell().nativeElement.getBoundingClientRect(), viewportWidth));
  }

  protected close(): void {
    this.open.set(false);
  }

  protected closeAndFocus(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.bell().nativeElement.focus();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (!this.open()) return;
    const target = event.target as Node | null;
    // A click inside (the bell, the panel) is handled there; one that detached its own target (a re-rendered row) too.
    if (target && (this.host.nativeElement.contains(target) || !target.isConnected)) return;
    this.open.set(false);
  }
}
