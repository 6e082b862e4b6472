import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';

export const SHORTCUT_KEYS = ['j', 'k', '/', 'e', 'a', '?'] as const;
export type ShortcutKey = (typeof SHORTCUT_KEYS)[number];

/** Where typing goes: a key pressed there is text, never a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  // A select takes letters too (it jumps to the option starting with one).
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * The inbox shortcut a key press is, if any: a bare key (no Ctrl, Alt or Cmd: those belong to
 * the browser and the composer's Ctrl+Enter), outside anything one types into.
 */
export function shortcutOf(event: KeyboardEvent): ShortcutKey | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isTypingTarget(event.target)) return null;
  return (SHORTCUT_KEYS as readonly string[]).includes(event.key) ? (event.key as ShortcutKey) : null;
}

/**
 * The inbox's keyboard shortcuts: one listener on the document while the inbox is shown; each
 * view registers what its keys do while it is there (the list: j, k, /, ?; the open
 * conversation: e, a). While the list of shortcuts is open, the keys are left to it.
 * Provided by the inbox route.
 */
@Injectable()
export class InboxShortcuts {
  private readonly handlers = new Map<ShortcutKey, () => void>();
  private readonly _helpOpen = signal(false);

  /** The list of shortcuts (the `?` dialog) is open. */
  readonly helpOpen = this._helpOpen.asReadonly();

  constructor() {
    const document = inject(DOCUMENT);
    const onKey = (event: KeyboardEvent) => this.onKey(event);
    document.addEventListener('keydown', onKey);
    inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', onKey));
  }

  /** What `key` does from now on; call the answer to stop. */
  register(key: ShortcutKey, handler: () => void): () => void {
    this.handlers.set(key, handler);
    return () => {
      if (this.handlers.get(key) === handler) this.handlers.delete(key);
    };
  }

  showHelp(open: boolean): void {
    this._helpOpen.set(open);
  }

  private onKey(event: KeyboardEvent): void {
    if (this._helpOpen()) return;
    const key = shortcutOf(event);
    const handler = key ? this.handlers.get(key) : undefined;
    if (!handler) return;
    event.preventDefault();
    handler();
  }
}
