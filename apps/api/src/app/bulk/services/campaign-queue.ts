import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { pgPoolOf } from '../../database/pg-pool';
import { CampaignRunner } from './campaign-runner';
import { runnerAliveSql } from './runner-lock';

const QUEUE = 'bulk-campaign';
const PGBOSS_SCHEMA = 'pgboss';

interface CampaignJob {
  campaignId: string;
}

/**
 * Campaign jobs on pg-boss: a job means "run this campaign"; any node's worker may take it. The
 * job is created in the same transaction as the campaign (or its resume), so neither exists
 * without the other. A supervisor on every node re-queues campaigns left running by a node that
 * died (their runner's advisory lock vanished with its session).
 */
@Injectable()
export class CampaignQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CampaignQueue');
  private boss: PgBoss | null = null;
  private supervisor: NodeJS.Timeout | null = null;
  private supervising = false;
  private readonly workerIds: string[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: CampaignRunner,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pool = pgPoolOf(this.db);
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: PGBOSS_SCHEMA,
      schedule: false,
      // Failed-by-timeout detection is not needed: runners are found by their advisory lock.
      supervise: true,
      maintenanceIntervalSeconds: 300,
    });
    boss.on('error', (err: Error) => this.logger.error({ err: err.message }, 'pg-boss error'));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      policy: 'standard',
      retryLimit: 0,
      expireInSeconds: 23 * 3600,
      retentionMinutes: 24 * 60,
    });
    this.boss = boss;
    for (let i = 0; i < this.config.env.BULK_WORKERS; i++) {
      const id = await boss.work<CampaignJob>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job) await this.runner.run(job.data.campaignId);
      });
      this.workerIds.push(id);
    }
    this.supervisor = setInterval(() => void this.requeueOrphans(), this.config.env.BULK_SUPERVISE_SECONDS * 1000);
    this.supervisor.unref();
    void this.requeueOrphans();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.supervisor) clearInterval(this.supervisor);
    await this.runner.stopAll();
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000, close: false }).catch(() => undefined);
    this.boss = null;
  }

  /** Queues a run inside the caller's transaction; with `startAfter`, no worker takes it before then. */
  async enqueue(tx: EntityManager, campaignId: string, startAfter?: Date): Promise<void> {
    const runner = tx.queryRunner;
    if (!runner) throw new Error('enqueue needs a transaction');
    await this.requireBoss().send(QUEUE, { campaignId } satisfies CampaignJob, {
      ...(startAfter ? { startAfter } : {}),
      db: {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: (await runner.query(text, values, true)).records,
        }),
      },
    });
  }

  /** After the enqueueing transaction commits: this node's idle workers look now, not at their next poll. */
  wake(): void {
    for (const id of this.workerIds) this.boss?.notifyWorker(id);
  }

  private requireBoss(): PgBoss {
    if (!this.boss) throw new Error('the campaign queue is not started');
    return this.boss;
  }

  /**
   * Unfinished campaigns (scheduled ones once their time has come) with no runner holding their
   * lock and no run waiting in the queue.
   */
  private async requeueOrphans(): Promise<void> {
    if (this.supervising || !this.boss) return;
    this.supervising = true;
    try {
      const orphans: { id: string }[] = (
        await pgPoolOf(this.db).query(
          `SELECT c.id FROM bulk_campaigns c
            WHERE (c.status IN ('queued', 'running') OR (c.status = 'scheduled' AND c.scheduled_at <= now()))
              AND NOT ${runnerAliveSql('c.id')}
              AND NOT EXISTS (SELECT 1 FROM ${PGBOSS_SCHEMA}.job j WHERE j.name = $1 AND j.state IN ('created', 'retry')
                                AND j.data->>'campaignId' = c.id::text)`,
          [QUEUE],
        )
      ).rows;
      for (const { id } of orphans) {
        this.logger.warn({ campaignId: id }, 'resuming a campaign nobody is running');
        await this.boss.send(QUEUE, { campaignId: id } satisfies CampaignJob);
      }
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'campaign supervisor failed');
    } finally {
      this.supervising = false;
    }
  }
}
