import { DOCUMENT, DestroyRef, Injectable, effect, inject } from '@angular/core';
import { InboxSocket } from '../../inbox/data/inbox.socket';
import { ownStorageAvailable, parseStoredSession, WidgetStore } from './widget.store';

/** The message the host page's script (public/widget.js) counts for its unread badge. */
export const EMBED_MESSAGE = { type: 'switchboard:message' } as const;

/**
 * The origin of the page that embeds this chat through widget.js (`?embed=<origin>`), when this
 * page is in its frame. The browser's own list of the frame's ancestors, where it keeps one, must
 * agree: a page that framed the chat with a made-up origin hears nothing.
 */
export function embeddingOrigin(doc: Document): string | null {
  const win = doc.defaultView;
  if (!win || win.parent === win) return null;
  const claimed = new URLSearchParams(doc.location.search).get('embed');
  if (!claimed) return null;
  let origin: string;
  try {
    origin = new URL(claimed).origin;
  } catch {
    return null;
  }
  if (origin !== claimed || !/^https?:$/.test(new URL(origin).protocol)) return null;
  const ancestors = doc.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) return null;
  return origin;
}

/**
 * Talks with the embedding page (public/widget.js), to its origin only. It tells the page that a
 * message arrived for the customer (no content, no sender: only that one arrived). When the browser
 * refuses this framed page its own storage (third-party storage blocked), the page keeps the
 * session instead: it is asked for it (`switchboard:ready`), answers `switchboard:session`, and is
 * told each change (`switchboard:save`); only its own frame's parent, at that origin, is heard.
 */
@Injectable()
export class WidgetEmbedBridge {
  private readonly store = inject(WidgetStore);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    const doc = inject(DOCUMENT);
    const host = embeddingOrigin(doc);
    const win = doc.defaultView;
    if (!host || !win) return;
    const subscription = inject(InboxSocket)
      .on('new_message')
      .subscribe(({ message }) => {
        if (message.sender.type !== 'contact') win.parent.postMessage(EMBED_MESSAGE, host);
      });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
    if (!ownStorageAvailable()) this.keepSessionWithHost(win, host);
  }

  private keepSessionWithHost(win: Window, host: string): void {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== host || event.source !== win.parent) return;
      const data = event.data as { type?: unknown; session?: unknown } | null;
      if (data?.type !== 'switchboard:session') return;
      const session = parseStoredSession(data.session);
      if (session) this.store.restore(session);
    };
    win.addEventListener('message', onMessage);
    this.destroyRef.onDestroy(() => win.removeEventListener('message', onMessage));
    let previous = this.store.session();
    effect(() => {
      const session = this.store.session();
      // Not before the page answered: an empty start must not erase what it keeps.
      if (session === previous) return;
      previous = session;
      win.parent.postMessage({ type: 'switchboard:save', session }, host);
    });
    win.parent.postMessage({ type: 'switchboard:ready' }, host);
  }
}
