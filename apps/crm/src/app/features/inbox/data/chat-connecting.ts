import { computed, inject, type Signal } from '@angular/core';
import { RealtimeService } from '../../../core/realtime/realtime.service';

/**
 * True while the live connection to /chat is still being made: before the first connection
 * (or its first attempts) succeeds, and while /chat finishes its handshake on a transport that just
 * opened. Nothing has failed yet, so views say "Connecting…" then rather than "not live".
 * Call in an injection context (in the widget, its own RealtimeService is the one found).
 */
export function chatConnecting(): Signal<boolean> {
  const realtime = inject(RealtimeService);
  const chat = realtime.namespaceStatus('/chat');
  return computed(() => {
    const state = realtime.connectionState();
    return state === 'connecting' || (state === 'connected' && chat() === 'connecting');
  });
}
