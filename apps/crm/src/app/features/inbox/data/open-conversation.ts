import { signal } from '@angular/core';
import type { Conversation } from '@switchboard/contracts/types';

/**
 * Which conversation the view shows, shared by every part of it: its id, its newest version, and
 * whether the viewer lost it. Each change of conversation starts a new generation, so answers
 * that arrive for one no longer shown are dropped.
 */
export class OpenConversation {
  private readonly _id = signal<string | null>(null);
  private readonly _conversation = signal<Conversation | null>(null);
  private readonly _lost = signal(false);
  private _generation = 0;

  readonly id = this._id.asReadonly();
  readonly conversation = this._conversation.asReadonly();
  /**
   * The server no longer lets the viewer into this conversation (it went to someone else while
   * the viewer was away, and the rejoin was refused): what is shown stays, read-only.
   */
  readonly lost = this._lost.asReadonly();

  get generation(): number {
    return this._generation;
  }

  /** Still the conversation (and generation) an answer was asked for. */
  isCurrent(generation: number): boolean {
    return generation === this._generation;
  }

  /** Starts showing `id`; returns its generation. */
  show(id: string): number {
    this._id.set(id);
    return ++this._generation;
  }

  /** Shows nothing; whatever is still on its way for the previous conversation is dropped. */
  clear(): void {
    this._generation++;
    this._id.set(null);
    this._conversation.set(null);
    this._lost.set(false);
  }

  /** A newer version of the open conversation (from a push, a join, or an answer): kept when newer. */
  apply(conversation: Conversation): void {
    const current = this._conversation();
    if (conversation.id !== this._id()) return;
    if (current && current.version >= conversation.version) return;
    this._conversation.set(conversation);
  }

  lose(): void {
    this._lost.set(true);
  }
}
