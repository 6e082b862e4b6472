import { DestroyRef, Injectable, inject } from '@angular/core';
import type { ClientPayload } from '../../../core/realtime/realtime.types';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import { InboxSocket, SEND_TIMEOUT_MS } from './inbox.socket';

export type SendPayload = ClientPayload<'/chat', 'chat_message'>;

/** One of our sends not stored yet, as the conversation view shows it. */
export interface OutboxEntry {
  payload: SendPayload;
  status: 'pending' | 'failed';
  createdAt: string;
  refusedByWindow: boolean;
  /** No answer came (the connection may have dropped under it): sent again at the next connect too. */
  unanswered: boolean;
}

/** Whether an entry goes out again at the next connect (a refusal waits for the user's Retry). */
export const resendsOnConnect = (entry: OutboxEntry) => entry.status === 'pending' || entry.unanswered;

/**
 * Sends still unsent when their conversation view closed (the agent moved to another conversation
 * while offline, or before the ack): kept while the inbox is open, sent at the next connect whatever
 * conversation is open then, and handed back when theirs opens again. Same clientMessageId every
 * time, so a send that races the view's own retry is stored once.
 */
@Injectable()
export class UnsentMessages {
  private readonly socket = inject(InboxSocket);
  private readonly held = new Map<string, OutboxEntry[]>();

  constructor() {
    const subscription = this.socket.connected$().subscribe(() => this.sendAll());
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  hold(conversationId: string, entries: readonly OutboxEntry[]): void {
    if (entries.length === 0) return;
    this.held.set(conversationId, [...entries]);
    if (this.socket.connected()) this.sendAll();
  }

  /** What is still unsent of this conversation, now the view's again. */
  take(conversationId: string): OutboxEntry[] {
    const entries = this.held.get(conversationId) ?? [];
    this.held.delete(conversationId);
    return entries;
  }

  private sendAll(): void {
    for (const [conversationId, entries] of this.held) {
      for (const entry of entries.filter(resendsOnConnect)) void this.send(conversationId, entry);
    }
  }

  private async send(conversationId: string, entry: OutboxEntry): Promise<void> {
    const id = entry.payload.clientMessageId;
    try {
      await this.socket.emit('chat_message', entry.payload, SEND_TIMEOUT_MS);
      this.update(conversationId, (list) => list.filter((e) => e.payload.clientMessageId !== id));
    } catch (error) {
      // Offline again: it waits for the next connect. Refused: the view shows it failed, with Retry.
      if (error instanceof RealtimeError && error.code === 'offline') return;
      const unanswered = error instanceof RealtimeError && error.code === 'timeout';
      this.update(conversationId, (list) =>
        list.map((e) => (e.payload.clientMessageId === id ? { ...e, status: 'failed', unanswered } : e)),
      );
    }
  }

  private update(conversationId: string, change: (list: OutboxEntry[]) => OutboxEntry[]): void {
    const list = this.held.get(conversationId);
    if (!list) return;
    const next = change(list);
    if (next.length > 0) this.held.set(conversationId, next);
    else this.held.delete(conversationId);
  }
}
