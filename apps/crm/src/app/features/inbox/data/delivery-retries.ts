import { signal } from '@angular/core';
import { type ApiError, toApiError } from '../../../core/http/api-error';
import type { ConversationBackend } from './conversation-backend';
import type { OpenConversation } from './open-conversation';
import type { ThreadStore } from './thread.store';

/**
 * Failed channel (WhatsApp) replies sent again (POST /api/messages/:id/retry, same idempotency
 * key), with progress and the last refusal per message. Staff only: the widget's backend has none.
 */
export class DeliveryRetries {
  private readonly _retrying = signal<ReadonlySet<string>>(new Set());
  private readonly _errors = signal<Readonly<Record<string, ApiError>>>({});

  readonly retrying = this._retrying.asReadonly();
  readonly errors = this._errors.asReadonly();
  readonly available: boolean;

  constructor(
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly thread: ThreadStore,
  ) {
    this.available = !!backend.retryDelivery;
  }

  async retry(messageId: string): Promise<void> {
    const backend = this.backend;
    if (!backend.retryDelivery || this._retrying().has(messageId)) return;
    const generation = this.room.generation;
    this._retrying.update((set) => new Set(set).add(messageId));
    this._errors.update((errors) => withoutKey(errors, messageId));
    try {
      const message = await backend.retryDelivery(messageId);
      if (this.room.isCurrent(generation)) this.thread.accept([message]);
    } catch (error) {
      if (this.room.isCurrent(generation))
        this._errors.update((errors) => ({ ...errors, [messageId]: toApiError(error) }));
    } finally {
      if (this.room.isCurrent(generation)) {
        this._retrying.update((set) => {
          const next = new Set(set);
          next.delete(messageId);
          return next;
        });
      }
    }
  }

  reset(): void {
    this._retrying.set(new Set());
    this._errors.set({});
  }
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}
