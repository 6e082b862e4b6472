import type { Provider } from '@nestjs/common';
import { ClusterBus } from '../../common/redis/cluster-bus';
import { RedisService } from '../../common/redis/redis.service';
import { AppConfig } from '../../config/app-config';
import { InMemoryPresenceStore, PresenceStore } from './presence-store';
import { RedisPresenceStore } from './redis-presence-store';

/** In memory on a single node; in Redis with heartbeats when `REDIS_URL` is set. */
export const presenceStoreProvider: Provider = {
  provide: PresenceStore,
  inject: [RedisService, ClusterBus, AppConfig],
  useFactory: (redis: RedisService, bus: ClusterBus, config: AppConfig): PresenceStore =>
    redis.enabled
      ? new RedisPresenceStore(redis, bus, config.env.PRESENCE_NODE_TIMEOUT_SECONDS * 1000)
      : new InMemoryPresenceStore(),
};
