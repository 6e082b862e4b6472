import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';
import { InboxSocket } from '../../inbox/data/inbox.socket';

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
 * Tells the embedding page that a message arrived for the customer (no content, no sender: only
 * that one arrived), posted to that page's origin only. Nothing is listened to from the host.
 */
@Injectable()
export class WidgetEmbedBridge {
  constructor() {
    const doc = inject(DOCUMENT);
    const host = embeddingOrigin(doc);
    if (!host) return;
    const subscription = inject(InboxSocket)
      .on('new_message')
      .subscribe(({ message }) => {
        if (message.sender.type !== 'contact') doc.defaultView?.parent.postMessage(EMBED_MESSAGE, host);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
