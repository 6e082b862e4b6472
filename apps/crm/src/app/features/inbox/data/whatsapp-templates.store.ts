import { Injectable, inject, signal } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import { ApiError, toApiError } from '../../../core/http/api-error';
import { InboxApi } from './inbox.api';

/**
 * The WhatsApp templates agents may send (GET /api/channels/templates), loaded when a picker
 * opens and kept for the next one (refreshed each time, shown meanwhile).
 */
@Injectable({ providedIn: 'root' })
export class WhatsappTemplatesStore {
  private readonly api = inject(InboxApi);

  private readonly _items = signal<MessageTemplate[] | undefined>(undefined);
  private readonly _loading = signal(false);
  private readonly _error = signal<ApiError | null>(null);

  /** Undefined until the first list arrived. */
  readonly items = this._items.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly error = this._error.asReadonly();

  async load(): Promise<void> {
    if (this._loading()) return;
    this._loading.set(true);
    this._error.set(null);
    try {
      this._items.set(await this.api.templates());
    } catch (error) {
      this._error.set(toApiError(error));
    } finally {
      this._loading.set(false);
    }
  }
}
