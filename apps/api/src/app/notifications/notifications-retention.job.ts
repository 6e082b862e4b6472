import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { NotificationsService } from './notifications.service';

export const RETENTION_DAYS = 90;
const EVERY_MS = 60 * 60 * 1000;

/** Deletes read notifications older than 90 days, at boot and then hourly (idempotent on every node). */
@Injectable()
export class NotificationsRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationsRetention');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly notifications: NotificationsService) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<number> {
    try {
      const deleted = await this.notifications.purgeRead(RETENTION_DAYS);
      if (deleted > 0) this.logger.log({ deleted }, 'deleted read notifications older than 90 days');
      return deleted;
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
      return 0;
    }
  }
}
