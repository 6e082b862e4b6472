import { Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/jobs/interval-job';
import { AttachmentsService } from './services/attachments.service';

/** Deletes uploads no message carries once they are old enough, every 10 minutes. */
@Injectable()
export class AttachmentsSweepJob extends IntervalJob<number> {
  constructor(private readonly attachments: AttachmentsService) {
    super('AttachmentsSweep', 10 * 60_000, 0);
  }

  protected async work(): Promise<number> {
    const deleted = await this.attachments.sweepUnreferenced();
    if (deleted > 0) this.logger.log({ deleted }, 'deleted uploads no message carries');
    return deleted;
  }
}
