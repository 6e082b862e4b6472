import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { ClusterBus } from '../../common/redis/cluster-bus';
import { LUA_NOW_MS, RedisScript } from '../../common/redis/redis-script';
import { RedisService } from '../../common/redis/redis.service';
import type { PresenceMovedNote } from '../events/presence.events';
import { PresenceStore, type PresenceStatus } from './presence-store';

// Keys: <p>:presence:nodes (zset node → last heartbeat, Redis clock), <p>:presence:node:<id> (set of
// the users with a socket on that node), <p>:presence:users (hash user → how many nodes have them).

/** This node has the user now: online everywhere if no other node had them. */
const JOIN = new RedisScript<number>(`${LUA_NOW_MS}
redis.call('ZADD', KEYS[1], now, ARGV[1])
if redis.call('SADD', KEYS[2], ARGV[2]) == 1 and redis.call('HINCRBY', KEYS[3], ARGV[2], 1) == 1 then return 1 end
return 0`);

/** This node lost the user: offline everywhere if no other node has them. */
const LEAVE = new RedisScript<number>(`
if redis.call('SREM', KEYS[1], ARGV[1]) == 1 and redis.call('HINCRBY', KEYS[2], ARGV[1], -1) <= 0 then
  redis.call('HDEL', KEYS[2], ARGV[1])
  return 1
end
return 0`);

/**
 * Heartbeat and full re-synchronisation: this node's set becomes exactly ARGV[2..], the counts
 * follow. Returns the transitions ('+id' online, '-id' offline) and everyone online.
 */
const SYNC = new RedisScript<[string[], string[]]>(`${LUA_NOW_MS}
redis.call('ZADD', KEYS[1], now, ARGV[1])
local want = {}
for i = 2, #ARGV do want[ARGV[i]] = true end
local changes = {}
for _, u in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if want[u] then
    want[u] = nil
  else
    redis.call('SREM', KEYS[2], u)
    if redis.call('HINCRBY', KEYS[3], u, -1) <= 0 then
      redis.call('HDEL', KEYS[3], u)
      table.insert(changes, '-' .. u)
    end
  end
end
for u in pairs(want) do
  redis.call('SADD', KEYS[2], u)
  if redis.call('HINCRBY', KEYS[3], u, 1) == 1 then table.insert(changes, '+' .. u) end
end
return {changes, redis.call('HKEYS', KEYS[3])}`);

/** Removes every node silent for longer than ARGV[2] ms (and the given one, if any); returns who went offline. */
const REAP = new RedisScript<string[]>(`${LUA_NOW_MS}
local nodes = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
if ARGV[3] ~= '' then table.insert(nodes, ARGV[3]) end
local offline = {}
for _, node in ipairs(nodes) do
  local key = ARGV[1] .. node
  for _, u in ipairs(redis.call('SMEMBERS', key)) do
    if redis.call('HINCRBY', KEYS[2], u, -1) <= 0 then
      redis.call('HDEL', KEYS[2], u)
      table.insert(offline, u)
    end
  end
  redis.call('DEL', key)
  redis.call('ZREM', KEYS[1], node)
end
return offline`);

/**
 * Presence shared by every node through Redis. Each node keeps its own users in a set and a
 * heartbeat in a sorted set (both on Redis's clock); the per-user count of nodes decides online
 * and offline, atomically in Lua, so exactly one node sees each transition and announces it
 * (`presence_changed` then reaches every node's staff through the adapter). The others hear it on
 * the cluster bus and update their copy of the online set, which `isOnline` reads without a
 * round trip (stats and user lists stay synchronous).
 *
 * Every heartbeat re-sends this node's whole set (healing anything lost while Redis was away or
 * restarted empty) and refreshes the copy; any node removes nodes whose heartbeat is older than
 * `PRESENCE_NODE_TIMEOUT_SECONDS`, so a crashed node's users go offline within that plus one
 * heartbeat.
 */
export class RedisPresenceStore
  extends PresenceStore
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleDestroy
{
  private readonly logger = new Logger('Presence');
  private readonly client: Redis;
  private online = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private closing = false;
  private lostConnection = false;
  /** The next successful sync follows an outage: re-announce whatever it corrects. */
  private afterOutage = false;
  private readonly heartbeatMs: number;
  private readonly keys: { nodes: string; node: string; users: string; nodePrefix: string };

  constructor(
    private readonly redis: RedisService,
    private readonly bus: ClusterBus,
    private readonly timeoutMs: number,
  ) {
    super();
    if (!redis.client) throw new Error('RedisPresenceStore needs REDIS_URL');
    this.client = redis.client;
    this.heartbeatMs = Math.max(1_000, Math.floor(timeoutMs / 3));
    const nodePrefix = redis.key('presence', 'node', '');
    this.keys = {
      nodes: redis.key('presence', 'nodes'),
      node: nodePrefix + redis.nodeId,
      users: redis.key('presence', 'users'),
      nodePrefix,
    };
    bus.on('presence.moved', (note) => this.applyNote(note));
    // Back from an outage (or a Redis restart that lost everything): re-send this node's users now.
    this.client.on('close', () => (this.lostConnection = true));
    this.client.on('ready', () => {
      if (!this.lostConnection || this.closing) return;
      this.lostConnection = false;
      this.afterOutage = true;
      void this.tick();
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    this.timer.unref();
    void this.tick();
  }

  /** A clean stop takes this node's users with it at once (they reconnect to another node). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.stopTimer();
    try {
      const offline = await REAP.run(
        this.client,
        [this.keys.nodes, this.keys.users],
        [this.keys.nodePrefix, Number.MAX_SAFE_INTEGER, this.redis.nodeId],
      );
      for (const userId of offline) this.transition(userId, 'offline');
    } catch (err) {
      this.warn('could not remove this node from presence', err);
    }
  }

  onModuleDestroy(): void {
    this.stopTimer();
  }

  joined(userId: string): void {
    if (this.closing) return;
    JOIN.run(this.client, [this.keys.nodes, this.keys.node, this.keys.users], [this.redis.nodeId, userId]).then(
      (first) => (first === 1 ? this.transition(userId, 'online') : this.online.add(userId)),
      (err) => {
        // Redis is away: this node knows the user is online; the next heartbeat tells the others.
        this.warn('presence join not recorded', err);
        if (!this.online.has(userId)) this.transition(userId, 'online');
      },
    );
  }

  left(userId: string): void {
    if (this.closing) return;
    LEAVE.run(this.client, [this.keys.node, this.keys.users], [userId]).then(
      (last) => {
        if (last === 1) this.transition(userId, 'offline');
      },
      // Whether another node still has them is unknown: the next heartbeat settles it.
      (err) => this.warn('presence leave not recorded', err),
    );
  }

  isOnline(userId: string): boolean {
    return this.online.has(userId);
  }

  onlineUserIds(): string[] {
    return [...this.online];
  }

  /** One heartbeat: re-send this node's users, refresh the online copy, remove dead nodes. */
  async tick(): Promise<void> {
    if (this.ticking || this.closing) return;
    this.ticking = true;
    try {
      const afterOutage = this.afterOutage;
      await this.sync(afterOutage);
      if (afterOutage) this.afterOutage = false;
      const offline = await REAP.run(
        this.client,
        [this.keys.nodes, this.keys.users],
        [this.keys.nodePrefix, this.timeoutMs, ''],
      );
      for (const userId of offline) this.transition(userId, 'offline');
      if (offline.length > 0)
        this.logger.warn({ offline: offline.length }, 'a node stopped answering: its users are offline');
    } catch (err) {
      this.warn('presence heartbeat failed', err);
    } finally {
      this.ticking = false;
    }
  }

  private async sync(afterOutage: boolean): Promise<void> {
    const local = [...this.binding.localUsers()];
    const [changes, everyone] = await SYNC.run(
      this.client,
      [this.keys.nodes, this.keys.node, this.keys.users],
      [this.redis.nodeId, ...local],
    );
    const announced = new Set<string>();
    for (const change of changes) {
      const userId = change.slice(1);
      announced.add(userId);
      this.transition(userId, change.startsWith('+') ? 'online' : 'offline');
    }
    const now = new Set(everyone);
    const corrected = [...new Set([...this.online, ...now])].filter(
      (u) => !announced.has(u) && this.online.has(u) !== now.has(u),
    );
    this.online = now;
    if (corrected.length === 0) return;
    // After an outage, pushes of that time may have been lost: say the truth again (idempotent).
    if (afterOutage)
      for (const userId of corrected) this.binding.changed(userId, now.has(userId) ? 'online' : 'offline');
    this.binding.corrected(corrected);
  }

  private transition(userId: string, status: PresenceStatus): void {
    if (status === 'online') this.online.add(userId);
    else this.online.delete(userId);
    this.bus.publish('presence.moved', { userId, status });
    this.binding.changed(userId, status);
  }

  private applyNote({ userId, status }: PresenceMovedNote): void {
    if (status === 'online') this.online.add(userId);
    else this.online.delete(userId);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private warn(what: string, err: unknown): void {
    this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, what);
  }
}
