import { signal } from '@angular/core';
import type { Message } from '@switchboard/contracts/types';
import { resendsOnConnect, type OutboxEntry, type SendPayload } from './unsent-messages';

/** Our sends in the open conversation that the server has not stored yet, in the order written. */
export class Outbox {
  private readonly _entries = signal<OutboxEntry[]>([]);

  readonly entries = this._entries.asReadonly();

  /** Starts over with `entries` (those still unsent from an earlier visit, or none). */
  reset(entries: OutboxEntry[] = []): void {
    this._entries.set(entries);
  }

  add(payload: SendPayload): void {
    const entry: OutboxEntry = {
      payload,
      status: 'pending',
      createdAt: new Date().toISOString(),
      refusedByWindow: false,
      unanswered: false,
    };
    this._entries.update((list) => [...list, entry]);
  }

  find(clientMessageId: string): OutboxEntry | undefined {
    return this._entries().find((e) => e.payload.clientMessageId === clientMessageId);
  }

  mark(clientMessageId: string, status: OutboxEntry['status'], refusedByWindow: boolean, unanswered = false): void {
    this._entries.update((list) =>
      list.map((e) =>
        e.payload.clientMessageId === clientMessageId ? { ...e, status, refusedByWindow, unanswered } : e,
      ),
    );
  }

  discard(clientMessageId: string): void {
    this._entries.update((list) => list.filter((e) => e.payload.clientMessageId !== clientMessageId));
  }

  /** Stored messages arrived: any of ours among them leave. */
  settle(stored: readonly Message[]): void {
    const done = new Set(stored.map((m) => m.clientMessageId).filter((id) => id !== null));
    if (this._entries().some((e) => done.has(e.payload.clientMessageId))) {
      this._entries.update((list) => list.filter((e) => !done.has(e.payload.clientMessageId)));
    }
  }

  /** Nothing more can be sent here: what was waiting to go is shown as not sent, with nothing resent. */
  failAll(): void {
    this._entries.update((list) => list.map((e) => ({ ...e, status: 'failed', unanswered: false })));
  }

  /** What goes out again at the next (re)connect. */
  waiting(): OutboxEntry[] {
    return this._entries().filter(resendsOnConnect);
  }
}
