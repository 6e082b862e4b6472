import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AttachmentsService } from './services/attachments.service';

const EVERY_MS = 10 * 60 * 1000;

/** Deletes uploads no message carries once they are old enough: at boot, then every 10 minutes (on every node; idempotent). */
@Injectable()
export class AttachmentsSweepJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AttachmentsSweep');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly attachments: AttachmentsService) {}

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
      const deleted = await this.attachments.sweepUnreferenced();
      if (deleted > 0) this.logger.log({ deleted }, 'deleted uploads no message carries');
      return deleted;
    } catch (err) {
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'uploads not swept');
      return 0;
    }
  }
}
