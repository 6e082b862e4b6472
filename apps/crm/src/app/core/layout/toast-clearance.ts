import { Injectable, signal } from '@angular/core';

/**
 * Keeps the toasts off the composer: toasts sit bottom-right, where the composer's Send button is,
 * and a pointer on its way to Send would hover a toast and so keep it there. While a composer is on
 * the page, the toasts start above its top edge.
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
      if (this.current === el)
        this._bottomPx.set(Math.max(0, Math.round(window.innerHeight - el.getBoundingClientRect().top)));
    };
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(el);
    window.addEventListener('resize', measure);
    window.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      resized?.disconnect();
      window.removeEventListener('resize', measure);
      window.removeEventListener('scroll', measure);
      if (this.current !== el) return;
      this.current = null;
      this._bottomPx.set(0);
    };
  }
}
