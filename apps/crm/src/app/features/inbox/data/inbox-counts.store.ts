import { DestroyRef, Injectable, inject } from '@angular/core';
import type { Conversation, ConversationCounts } from '@switchboard/contracts/types';
import { auditTime, filter, map, merge } from 'rxjs';
import { liveResource } from '../../../core/realtime/live-resource';
import { InboxApi } from './inbox.api';
import { InboxSocket } from './inbox.socket';

/**
 * At most one counts request per this long, after the pushes that may change them. Not a plain
 * debounce: conversation_updated comes with every message anywhere, and a busy team would keep
 * postponing a debounced refresh for as long as it is busy.
 */
export const COUNTS_REFRESH_MS = 1_500;

/** Where a conversation stands for the counts: its status and its assignee. */
const standing = (c: Conversation) => `${c.status}:${c.assignee?.id ?? ''}`;

/**
 * The inbox tabs' counts for the viewer (GET /api/conversations/counts): re-read after the pushes
 * that can move them, after every reconnect, and polled while offline. Counting is the server's
 * (who may see what), so pushes only say when to ask again. Provided by the inbox route.
 */
@Injectable()
export class InboxCountsStore {
  private readonly api = inject(InboxApi);
  private readonly socket = inject(InboxSocket);
  /** Each conversation's standing as last pushed: an update that changes neither says nothing new. */
  private readonly standings = new Map<string, string>();

  private readonly resource = liveResource<ConversationCounts>({
    snapshot: () => this.api.conversationCounts(),
    connection: this.socket.liveConnection(),
  });

  readonly counts = this.resource.value;
  readonly error = this.resource.error;

  constructor() {
    const changes = merge(
      this.socket.on('conversation_created'),
      this.socket.on('conversation_assigned'),
      this.socket.on('conversation_closed'),
      this.socket.on('conversation_updated'),
    ).pipe(
      map((e) => e.conversation),
      filter((conversation) => this.moved(conversation)),
      auditTime(COUNTS_REFRESH_MS),
    );
    const subscription = changes.subscribe(() => this.resource.refresh());
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  private moved(conversation: Conversation): boolean {
    const now = standing(conversation);
    const before = this.standings.get(conversation.id);
    this.standings.set(conversation.id, now);
    return before !== now;
  }
}
