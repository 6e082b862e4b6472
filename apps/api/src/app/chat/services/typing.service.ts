import { Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ClusterBus } from '../../common/redis/cluster-bus';
import type { TypingChange, TypingNote } from '../events/typing.events';

export type { TypingChange } from '../events/typing.events';

export const TYPING_TIMEOUT_MS = 3_000;
const RELAY_EVERY_MS = 1_000;
/** How long another node's typist is remembered here if that node never says they stopped (it died). */
const REMOTE_FORGET_MS = TYPING_TIMEOUT_MS + 2_000;

interface Typist {
  timer: NodeJS.Timeout;
  relayedAt: number;
}

/**
 * Typing indicators: relays a start at most once a second per person and conversation, and
 * sends the stop by itself 3 s after the last `typing`, so a closed tab never types forever.
 *
 * Across nodes (cluster bus): every node learns who types where, the node that got the person's
 * last `typing` owns the automatic stop, and a stop decided anywhere (an explicit one, or a
 * message sent through another node or REST) is relayed once and cancels the owner's timer.
 */
@Injectable()
export class TypingService implements OnModuleInit, OnModuleDestroy {
  private readonly active = new Map<string, Typist>();
  private relay: (change: TypingChange) => void = () => undefined;

  constructor(@Optional() private readonly bus?: ClusterBus) {}

  onModuleInit(): void {
    this.bus?.on('typing.moved', (note) => this.fromOtherNode(note));
  }

  /** Where changes go (the gateway pushes them to the conversation's room). */
  onChange(relay: (change: TypingChange) => void): void {
    this.relay = relay;
  }

  typing(change: TypingChange, now = Date.now()): void {
    const key = keyOf(change);
    const current = this.active.get(key);
    if (!change.isTyping) {
      this.stop(key, change);
      return;
    }
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(() => {
      this.active.delete(key);
      this.relay({ ...change, isTyping: false });
      this.tellOthers({ change: { ...change, isTyping: false }, relayed: true });
    }, TYPING_TIMEOUT_MS);
    timer.unref();
    // Decided here, not from the times: a second typing in the same millisecond is throttled too.
    const throttled = current !== undefined && now - current.relayedAt < RELAY_EVERY_MS;
    this.active.set(key, { timer, relayedAt: throttled ? current.relayedAt : now });
    if (!throttled) this.relay(change);
    this.tellOthers({ change, relayed: !throttled });
  }

  /** A message sent ends that person's typing at once. */
  stopped(conversationId: string, userId: string, name: string): void {
    this.typing({ conversationId, userId, name, isTyping: false });
  }

  onModuleDestroy(): void {
    for (const { timer } of this.active.values()) clearTimeout(timer);
    this.active.clear();
  }

  private stop(key: string, change: TypingChange): void {
    const current = this.active.get(key);
    if (!current) return;
    clearTimeout(current.timer);
    this.active.delete(key);
    this.relay(change);
    this.tellOthers({ change, relayed: true });
  }

  /** Another node relayed this change: remember the typist (without owning the stop) or forget them. */
  private fromOtherNode({ change, relayed }: TypingNote): void {
    const key = keyOf(change);
    const current = this.active.get(key);
    if (current) clearTimeout(current.timer);
    if (!change.isTyping) {
      this.active.delete(key);
      return;
    }
    // The other node owns the automatic stop now; this one only remembers, for a while.
    const timer = setTimeout(() => this.active.delete(key), REMOTE_FORGET_MS);
    timer.unref();
    this.active.set(key, { timer, relayedAt: relayed ? Date.now() : (current?.relayedAt ?? -Infinity) });
  }

  private tellOthers(note: TypingNote): void {
    if (this.bus?.enabled) this.bus.publish('typing.moved', note);
  }
}

const keyOf = (c: { conversationId: string; userId: string }) => `${c.conversationId}:${c.userId}`;
