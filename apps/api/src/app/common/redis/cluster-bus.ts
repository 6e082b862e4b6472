import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { RedisService } from './redis.service';

/**
 * Every topic nodes tell each other about, and its payload. Each domain adds its own (declaration
 * merging, as with DomainEventMap).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface ClusterTopicMap {}

/** `raw` is the text published with the note, as it was published (see `publish`). */
type Handler<K extends keyof ClusterTopicMap> = (payload: ClusterTopicMap[K], raw: string | undefined) => void;
type AnyHandler = (payload: unknown, raw: string | undefined) => void;

interface Envelope {
  from: string;
  topic: string;
  payload: unknown;
}

/**
 * Notes between nodes over Redis pub/sub ("a message was stored", "presence moved", "stats
 * moved", "typing stopped"): a node never hears its own, and notes from one node arrive in the
 * order it published them, as the adapter's broadcasts do (same connections). Delivery is best
 * effort: nothing is queued while Redis is away, and what depends on it catches up by itself
 * (clients by `afterSeq`, the rest by periodic re-synchronisation). Without `REDIS_URL` there is
 * one node and publishing does nothing.
 */
@Injectable()
export class ClusterBus implements OnModuleInit {
  private readonly logger = new Logger('ClusterBus');
  private readonly handlers = new Map<string, Set<AnyHandler>>();
  private readonly channel: string;
  /**
   * How this node's own notes begin once serialised (`from` is the envelope's first key): Redis
   * echoes every note to its publisher too, and those are skipped before they are parsed.
   */
  private readonly ownNote: string;

  constructor(private readonly redis: RedisService) {
    this.channel = redis.key('bus');
    this.ownNote = `{"from":${JSON.stringify(redis.nodeId)},`;
  }

  get enabled(): boolean {
    return this.redis.enabled;
  }

  onModuleInit(): void {
    const sub = this.redis.sub;
    if (!sub) return;
    void sub
      .subscribe(this.channel)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'bus subscription failed'));
    sub.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
  }

  /**
   * `raw`, when given, travels after the note as it is and reaches the handlers as it was given:
   * text serialised already (a message's frame) that a receiver would otherwise parse only to
   * serialise it again. It follows the note's JSON after a newline, which JSON never contains.
   */
  publish<K extends keyof ClusterTopicMap>(topic: K, payload: ClusterTopicMap[K], raw?: string): void {
    if (!this.redis.pub) return;
    const envelope: Envelope = { from: this.redis.nodeId, topic: topic as string, payload };
    const note = JSON.stringify(envelope);
    void this.redis.pub.publish(this.channel, raw === undefined ? note : `${note}\n${raw}`);
  }

  on<K extends keyof ClusterTopicMap>(topic: K, handler: Handler<K>): void {
    const set = this.handlers.get(topic as string) ?? new Set();
    set.add(handler as AnyHandler);
    this.handlers.set(topic as string, set);
  }

  private receive(message: string): void {
    if (message.startsWith(this.ownNote)) return;
    const end = message.indexOf('\n');
    const raw = end < 0 ? undefined : message.slice(end + 1);
    let envelope: Envelope;
    try {
      envelope = JSON.parse(end < 0 ? message : message.slice(0, end)) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === this.redis.nodeId) return;
    for (const handler of this.handlers.get(envelope.topic) ?? []) {
      try {
        handler(envelope.payload, raw);
      } catch (err) {
        this.logger.error(
          { topic: envelope.topic, err: err instanceof Error ? err.message : String(err) },
          'bus handler failed',
        );
      }
    }
  }
}
