import { Injectable, inject } from '@angular/core';
import { AuthStore } from '../../../core/auth/auth.store';

/**
 * Unsent composer text per conversation, in memory for this page's life: switching to another
 * conversation and coming back restores it. Outlives the thread (a phone leaves the conversation
 * view to reach the list); forgotten when the signed-in user changes, so nobody sees another's.
 */
@Injectable({ providedIn: 'root' })
export class ComposerDrafts {
  private readonly auth = inject(AuthStore);
  private readonly drafts = new Map<string, string>();
  private owner: string | null = null;

  get(conversationId: string): string {
    return this.mine().get(conversationId) ?? '';
  }

  set(conversationId: string, text: string): void {
    if (text) this.mine().set(conversationId, text);
    else this.mine().delete(conversationId);
  }

  private mine(): Map<string, string> {
    const userId = this.auth.user()?.id ?? null;
    if (userId !== this.owner) {
      this.owner = userId;
      this.drafts.clear();
    }
    return this.drafts;
  }
}
