import { Injectable, inject, signal } from '@angular/core';
import { toApiError, type ApiError } from '../../../core/http/api-error';
import { WidgetStore } from './widget.store';

/** Where the customer's rating of a closed conversation stands. */
export type RatingState = 'idle' | 'sending' | 'thanks' | 'already';

/** One rating form: sends it once; a conversation rated already (409) says so instead of failing. */
@Injectable()
export class WidgetRatingStore {
  private readonly widget = inject(WidgetStore);

  private readonly _state = signal<RatingState>('idle');
  private readonly _error = signal<ApiError | null>(null);

  readonly state = this._state.asReadonly();
  readonly error = this._error.asReadonly();

  async send(conversationId: string, score: number, comment: string): Promise<void> {
    if (this._state() !== 'idle') return;
    this._state.set('sending');
    this._error.set(null);
    try {
      const text = comment.trim();
      await this.widget.rate(conversationId, text ? { score, comment: text } : { score });
      this._state.set('thanks');
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'conflict') {
        this._state.set('already');
        return;
      }
      this._error.set(apiError);
      this._state.set('idle');
    }
  }
}
