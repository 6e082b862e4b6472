import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/** Whether a CSS media query matches, live (the window is resized, a phone is turned); call in an injection context. */
export function watchMedia(query: string): Signal<boolean> {
  const list = typeof matchMedia === 'function' ? matchMedia(query) : null;
  const matches = signal(list?.matches ?? false);
  const onChange = (event: MediaQueryListEvent) => matches.set(event.matches);
  list?.addEventListener('change', onChange);
  inject(DestroyRef).onDestroy(() => list?.removeEventListener('change', onChange));
  return matches.asReadonly();
}
