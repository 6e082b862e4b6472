import { Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/jobs/interval-job';
import { NotificationsService } from './notifications.service';

export const RETENTION_DAYS = 90;

/** Deletes read notifications older than 90 days, hourly. */
@Injectable()
export class NotificationsRetentionJob extends IntervalJob<number> {
  constructor(private readonly notifications: NotificationsService) {
    super('NotificationsRetention', 60 * 60_000, 0);
  }

  protected async work(): Promise<number> {
    const deleted = await this.notifications.purgeRead(RETENTION_DAYS);
    if (deleted > 0) this.logger.log({ deleted }, 'deleted read notifications older than 90 days');
    return deleted;
  }
}
