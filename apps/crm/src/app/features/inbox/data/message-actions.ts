import { signal } from '@angular/core';
import { toApiError } from '../../../core/http/api-error';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import type { InboxSocket } from './inbox.socket';
import type { ThreadStore } from './thread.store';

/** Edits, deletions and reactions on messages shown; the last failure stays until dismissed or the next action. */
export class MessageActions {
  private readonly _error = signal<RealtimeError | null>(null);

  readonly error = this._error.asReadonly();

  constructor(
    private readonly socket: InboxSocket,
    private readonly thread: ThreadStore,
  ) {}

  async edit(messageId: string, content: string): Promise<void> {
    await this.run(async () =>
      this.thread.accept([(await this.socket.emit('edit_message', { messageId, content })).message]),
    );
  }

  async remove(messageId: string): Promise<void> {
    await this.run(async () => {
      await this.socket.emit('delete_message', { messageId });
      this.thread.markDeleted(messageId);
    });
  }

  async react(messageId: string, emoji: string): Promise<void> {
    await this.run(async () => {
      const { reactions } = await this.socket.emit('react', { messageId, emoji });
      this.thread.setReactions(messageId, reactions);
    });
  }

  /** Something else the viewer asked for failed (a page of older history). */
  report(error: unknown): void {
    this._error.set(toRealtimeError(error));
  }

  clear(): void {
    this._error.set(null);
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this._error.set(null);
    try {
      await action();
    } catch (error) {
      this.report(error);
    }
  }
}

function toRealtimeError(error: unknown): RealtimeError {
  if (error instanceof RealtimeError) return error;
  const api = toApiError(error);
  return new RealtimeError(api.code === 'network' || api.code === 'unknown' ? 'internal' : api.code, api.message);
}
