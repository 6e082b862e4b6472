import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { watchMedia } from './watch-media';

/**
 * Below this width the top bar cannot hold the navigation and the user's tools on one line, so
 * they fold into the menu its button opens. The shell's CSS uses the same width.
 */
export const MENU_FOLD_QUERY = '(max-width: 1100px)';

/**
 * Whether the folded menu is open. It only exists while folded: widening the window past the
 * fold closes it, and so does leaving the page (a link in it was followed).
 */
@Injectable()
export class ShellMenu {
  readonly folded = watchMedia(MENU_FOLD_QUERY);
  private readonly _open = signal(false);
  readonly open = computed(() => this.folded() && this._open());

  constructor() {
    const navigations = inject(Router).events.subscribe((event) => {
      if (event instanceof NavigationEnd) this.close();
    });
    inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
  }

  toggle(): void {
    this._open.set(!this.open());
  }

  close(): void {
    this._open.set(false);
  }
}
