import { Injectable, signal } from '@angular/core';

/**
 * Keeps the toasts off the composer: toasts sit bottom-right, where the composer's Send button is,
 * and a pointer on its way to Send would hover a toast and so keep it there. While a composer is on
 * the page, the toasts start above its top edge. On a phone the toasts span the screen's width, so
 * this is what keeps them off the text field itself; there the on-screen keyboard moves the
 * composer without resizing the window (the visual viewport changes), and a composer hidden
 * behind the conversation list has no box to stay clear of.
 */
@Injectable({ providedIn: 'root' })
export class ToastClearance {
  private readonly _bottomPx = signal(0);
  private current: HTMLElement | null = null;

  /** How far above the viewport's bottom edge the toasts must start (0: no composer). */
  readonly bottomPx = this._bottomPx.asReadonly();

  /** Keeps the toasts above `el` until the returned function is called. */
  keepClear(el: HTMLElement): () => void {
    this.current = el;
    const measure = () => {
      if (this.current !== el) return;
      const rect = el.getBoundingClientRect();
      const laidOut = rect.width > 0 || rect.height > 0;
      this._bottomPx.set(laidOut ? Math.max(0, Math.round(window.innerHeight - rect.top)) : 0);
    };
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(el);
    const viewports: EventTarget[] = [window, ...(window.visualViewport ? [window.visualViewport] : [])];
    for (const target of viewports) {
      target.addEventListener('resize', measure);
      target.addEventListener('scroll', measure, { passive: true });
    }
    measure();
    return () => {
      resized?.disconnect();
      for (const target of viewports) {
        target.removeEventListener('resize', measure);
        target.removeEventListener('scroll', measure);
      }
      if (this.current !== el) return;
      this.current = null;
      this._bottomPx.set(0);
    };
  }
}
