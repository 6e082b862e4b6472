import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/**
 * Every in-process domain event and its payload. Each domain adds its own events to this map
 * (declaration merging in its `events/` folder), so emitters and listeners stay typed without
 * importing each other.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

type Handler<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => unknown;

/**
 * Emitted after the transaction that caused the event has committed. A failing listener is
 * logged and never undoes or fails the write that emitted.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
    for (const listener of this.emitter.listeners(name as string)) {
      try {
        const result = (listener as Handler<K>)(payload);
        if (result instanceof Promise) result.catch((err) => this.fail(name as string, err));
      } catch (err) {
        this.fail(name as string, err);
      }
    }
  }

  on<K extends keyof DomainEventMap>(name: K, handler: Handler<K>): () => void {
    this.emitter.on(name as string, handler);
    return () => this.emitter.off(name as string, handler);
  }

  private fail(name: string, err: unknown): void {
    this.logger.error(
      { event: name, err: err instanceof Error ? err.message : String(err) },
      'domain event listener failed',
    );
  }
}
