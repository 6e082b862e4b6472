import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DomainEvents } from '../../common/events/domain-events';
import { pgPoolOf } from '../../database/pg-pool';
import { CHANNEL_PROVIDER, type ChannelProvider } from '../../channels/providers/channel-provider';
import { CampaignThreadsService } from '../../chat/services/campaign-threads.service';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from '../campaign.mapper';
import { CampaignProgress } from './campaign-progress';
import {
  CampaignSender,
  errorText,
  lastAnsweredPhone,
  recipientUpdates,
  sortOutcomes,
  threadRecords,
  type BatchOutcomes,
  type ClaimedRecipient,
} from './campaign-sends';
import { SendThrottle } from './send-throttle';
import { tryLockSql, unlockSql } from './runner-lock';
import '../events/bulk.events';

/** Provider outages in a row (each after a backoff) before the campaign pauses itself. */
const MAX_OUTAGE_ROUNDS = 5;
/** Unexpected runner failures in a row before the campaign is marked failed. */
const MAX_CRASHES = 5;
export const INTERRUPTED_ERROR =
  'Interrupted while sending and the provider cannot deduplicate: not re-sent. Check before sending again.';

type BatchResult =
  { stopped: true } | { stopped: false; campaign: CampaignRow; current: string | null; outage: boolean };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Sends one campaign, on whichever node picked up its job. One runner per campaign across all
 * nodes: it holds a PostgreSQL advisory lock on a session of its own for as long as it runs, and
 * the lock dies with the session if the process does, so a crashed campaign is free to resume.
 *
 * Each batch: claim (commit `sending`, so an interrupted send is known after a crash), then in one
 * transaction holding the campaign row lock: check it is still running, send, record outcomes and
 * counters. Pause and cancel update that row, so they wait for the batch in flight and nothing is
 * sent after they answer.
 */
@Injectable()
export class CampaignRunner {
  private readonly logger = new Logger('CampaignRunner');
  private readonly running = new Map<string, Promise<void>>();
  private readonly throttle: SendThrottle;
  private readonly sender: CampaignSender;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CHANNEL_PROVIDER) private readonly provider: ChannelProvider,
    private readonly events: DomainEvents,
    private readonly threads: CampaignThreadsService,
    config: AppConfig,
  ) {
    this.throttle = new SendThrottle(config.env.BULK_CHANNEL_RATE_PER_SECOND);
    this.sender = new CampaignSender(provider, this.logger);
  }

  /** Runs the campaign until it finishes, pauses or is cancelled; returns at once if it runs elsewhere. */
  run(campaignId: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const existing = this.running.get(campaignId);
    if (existing) return existing;
    const run = this.runLocked(campaignId).finally(() => this.running.delete(campaignId));
    this.running.set(campaignId, run);
    return run;
  }

  /** Shutdown: every runner finishes its batch in flight and lets go (the campaigns stay running). */
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const id of this.running.keys()) this.throttle.release(id);
    await Promise.allSettled([...this.running.values()]);
  }

  private async runLocked(campaignId: string): Promise<void> {
    const session = await pgPoolOf(this.db).connect();
    let broken = false;
    try {
      const { rows } = await session.query(tryLockSql('$1'), [campaignId]);
      if (!rows[0].locked) return;
      try {
        await this.drive(session, campaignId);
      } catch (err) {
        await session.query('ROLLBACK').catch(() => undefined);
        await this.crashed(campaignId, err);
      } finally {
        await session.query(unlockSql('$1'), [campaignId]).catch(() => {
          // The session may still hold the lock: never give it back to the pool.
          broken = true;
        });
      }
    } finally {
      this.throttle.release(campaignId);
      session.release(broken);
    }
  }

  private async drive(session: PoolClient, campaignId: string): Promise<void> {
    let campaign = await this.start(session, campaignId);
    if (!campaign) return;
    await this.recoverInterrupted(session, campaign);
    const progress = new CampaignProgress(
      campaignId,
      { sent: campaign.sent, failed: campaign.failed, total: campaign.total, skipped: campaign.skipped, current: null },
      (p) => this.events.emit('campaign.progress', p),
    );
    let outageRounds = 0;
    try {
      for (;;) {
        if (this.stopping) return;
        const rate = this.throttle.currentLimit(campaignId) ?? campaign.rate_per_second;
        const batch = Math.max(1, Math.min(500, Math.ceil(rate / 4)));
        const granted = await this.throttle.acquire(campaignId, campaign.rate_per_second, batch);
        if (granted === 0) return;
        const claimed = await this.claim(session, campaignId, granted);
        if (claimed.length === 0) {
          await this.finishIfDone(session, campaignId);
          return;
        }
        const result = await this.sendBatch(session, campaign, claimed, outageRounds + 1 >= MAX_OUTAGE_ROUNDS);
        if (result.stopped) return;
        campaign = result.campaign;
        progress.update({
          sent: campaign.sent,
          failed: campaign.failed,
          total: campaign.total,
          skipped: campaign.skipped,
          current: result.current,
        });
        if (result.outage) {
          outageRounds++;
          if (campaign.status !== 'running') return;
          await sleep(Math.min(5000, 100 * 2 ** outageRounds));
        } else {
          outageRounds = 0;
        }
      }
    } finally {
      progress.stop();
    }
  }

  /** queued (or scheduled, its time come) → running, once; null when the campaign is not there to run. */
  private async start(session: PoolClient, campaignId: string): Promise<CampaignRow | null> {
    const started = await session.query<CampaignRow>(
      `UPDATE bulk_campaigns SET status = 'running', started_at = COALESCE(started_at, now()), updated_at = now()
        WHERE id = $1 AND (status = 'queued' OR (status = 'scheduled' AND scheduled_at <= now())) RETURNING ${CAMPAIGN_COLUMNS}`,
      [campaignId],
    );
    if (started.rows[0]) {
      this.events.emit('campaign.status_changed', { campaign: toCampaign(started.rows[0]) });
      return started.rows[0];
    }
    const { rows } = await session.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM bulk_campaigns WHERE id = $1`, [
      campaignId,
    ]);
    return rows[0]?.status === 'running' ? rows[0] : null;
  }

  /**
   * Rows left `sending` by a runner that died mid-batch. A provider that dedupes by key gets them
   * again (the resend is a no-op if the first one went out); otherwise nobody knows whether they
   * went out, so they are failed for review rather than sent a second time.
   */
  private async recoverInterrupted(session: PoolClient, campaign: CampaignRow): Promise<void> {
    if (this.provider.dedupesByKey) {
      await session.query(
        `UPDATE bulk_recipients SET status = 'pending' WHERE campaign_id = $1 AND status = 'sending'`,
        [campaign.id],
      );
      return;
    }
    await session.query('BEGIN');
    const failed = await session.query(
      `UPDATE bulk_recipients SET status = 'failed', error = $2, updated_at = now() WHERE campaign_id = $1 AND status = 'sending' RETURNING id`,
      [campaign.id, INTERRUPTED_ERROR],
    );
    if (failed.rowCount) {
      const { rows } = await session.query<CampaignRow>(
        `UPDATE bulk_campaigns SET failed = failed + $2 WHERE id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
        [campaign.id, failed.rowCount],
      );
      Object.assign(campaign, rows[0]);
    }
    await session.query('COMMIT');
  }

  private async claim(session: PoolClient, campaignId: string, limit: number): Promise<ClaimedRecipient[]> {
    const { rows } = await session.query<ClaimedRecipient>(
      `UPDATE bulk_recipients SET status = 'sending', attempts = attempts + 1, updated_at = now()
        WHERE id IN (
          SELECT id FROM bulk_recipients WHERE campaign_id = $1 AND status = 'pending' ORDER BY position LIMIT $2 FOR UPDATE SKIP LOCKED)
          AND EXISTS (SELECT 1 FROM bulk_campaigns WHERE id = $1 AND status = 'running')
        RETURNING id, phone, name, variables`,
      [campaignId, limit],
    );
    return rows;
  }

  private async sendBatch(
    session: PoolClient,
    campaign: CampaignRow,
    claimed: ClaimedRecipient[],
    lastOutageRound: boolean,
  ): Promise<BatchResult> {
    const ids = claimed.map((r) => r.id);
    await session.query('BEGIN');
    try {
      if (!(await this.lockIfRunning(session, campaign.id))) {
        await this.unclaim(session, ids);
        await session.query('COMMIT');
        return { stopped: true };
      }
      const outcomes = sortOutcomes(await this.sender.sendAll(campaign, claimed));
      await this.recordOutcomes(session, outcomes);
      const outage = !!outcomes.unavailable && outcomes.sent.length === 0;
      const pauseForOutage = outage && lastOutageRound;
      const next = await this.countOutcomes(session, campaign.id, outcomes, pauseForOutage);
      await session.query('COMMIT');
      this.adaptRate(campaign.id, outcomes);
      if (pauseForOutage) this.pausedForOutage(campaign.id, next);
      await this.recordInThreads(campaign, claimed, outcomes);
      return { stopped: false, campaign: next, current: lastAnsweredPhone(claimed, outcomes), outage };
    } catch (err) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /**
   * After the batch commits (the sends are what counts; a thread that misses one is logged, never
   * re-sent). Awaited, so a runner never gets ahead of what its recipients' threads show.
   */
  private async recordInThreads(campaign: CampaignRow, claimed: ClaimedRecipient[], outcomes: BatchOutcomes) {
    await this.threads
      .record(campaign, threadRecords(campaign, claimed, outcomes.sent))
      .catch((err: unknown) =>
        this.logger.error({ campaignId: campaign.id, err: errorText(err) }, 'campaign sends not put in their threads'),
      );
  }

  /** The campaign row lock, held until the batch commits: pause and cancel wait for the batch in flight. */
  private async lockIfRunning(session: PoolClient, campaignId: string): Promise<boolean> {
    const { rows } = await session.query<{ status: string }>(
      `SELECT status FROM bulk_campaigns WHERE id = $1 FOR NO KEY UPDATE`,
      [campaignId],
    );
    return rows[0]?.status === 'running';
  }

  private async recordOutcomes(session: PoolClient, outcomes: BatchOutcomes): Promise<void> {
    await session.query(
      `UPDATE bulk_recipients r SET status = v.status, provider_message_id = v.pid, error = v.error, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, status, pid, error) WHERE r.id = v.id`,
      recipientUpdates(outcomes),
    );
  }

  /**
   * The campaign's counters after the batch. A batch that got this far ends a run of crashes
   * (MAX_CRASHES counts them in a row); after the last outage round it pauses the campaign.
   */
  private async countOutcomes(
    session: PoolClient,
    campaignId: string,
    { sent, failed, unavailable }: BatchOutcomes,
    pauseForOutage: boolean,
  ): Promise<CampaignRow> {
    const updated = await session.query<CampaignRow>(
      `UPDATE bulk_campaigns SET sent = sent + $2, failed = failed + $3, crash_count = 0,
            status = CASE WHEN $4 THEN 'paused' ELSE status END,
            last_error = CASE WHEN $4 THEN $5 ELSE last_error END, updated_at = now()
          WHERE id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
      [
        campaignId,
        sent.length,
        failed.length,
        pauseForOutage,
        unavailable ? `Provider unavailable: ${unavailable.error}` : null,
      ],
    );
    return updated.rows[0];
  }

  /** Slower after a throttled answer; back towards the campaign's rate once a batch needs no retry. */
  private adaptRate(campaignId: string, { throttled, retry }: BatchOutcomes): void {
    if (throttled) this.throttle.slowDown(campaignId, throttled.retryAfterMs);
    else if (!retry.length) this.throttle.recover(campaignId);
  }

  private pausedForOutage(campaignId: string, campaign: CampaignRow): void {
    const error = campaign.last_error ?? 'Provider unavailable';
    this.logger.warn({ campaignId, error }, 'campaign paused after repeated provider outages');
    this.events.emit('campaign.error', { campaignId, error });
    this.events.emit('campaign.status_changed', { campaign: toCampaign(campaign) });
  }

  /**
   * Claimed but not sent because the campaign stopped: back to pending. (Cancel already turned
   * them into skipped: it knows a live runner's `sending` rows were never sent.)
   */
  private async unclaim(session: PoolClient, ids: string[]): Promise<void> {
    await session.query(
      `UPDATE bulk_recipients SET status = 'pending', attempts = attempts - 1 WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids],
    );
  }

  private async finishIfDone(session: PoolClient, campaignId: string): Promise<void> {
    const { rows } = await session.query<CampaignRow & { duration_seconds: number }>(
      `UPDATE bulk_campaigns c SET status = CASE WHEN c.sent = 0 AND c.failed > 0 THEN 'failed' ELSE 'completed' END,
              finished_at = now(), updated_at = now()
        WHERE c.id = $1 AND c.status = 'running'
          AND NOT EXISTS (SELECT 1 FROM bulk_recipients r WHERE r.campaign_id = $1 AND r.status IN ('pending', 'sending'))
        RETURNING ${CAMPAIGN_COLUMNS}, EXTRACT(EPOCH FROM (now() - COALESCE(started_at, created_at)))::float AS duration_seconds`,
      [campaignId],
    );
    const done = rows[0];
    if (!done) return;
    this.logger.log({ campaignId, sent: done.sent, failed: done.failed }, 'campaign finished');
    this.events.emit('campaign.status_changed', { campaign: toCampaign(done) });
    this.events.emit('campaign.completed', {
      campaignId,
      successCount: done.sent,
      errorCount: done.failed,
      durationSeconds: Math.round(done.duration_seconds * 10) / 10,
    });
    this.events.emit('campaign.finished', {
      campaignId,
      name: done.name,
      createdBy: done.created_by,
      status: done.status === 'failed' ? 'failed' : 'completed',
      sent: done.sent,
      failed: done.failed,
      ...(done.status === 'failed' ? { error: 'No message could be sent' } : {}),
    });
  }

  /** An unexpected error: counted; the supervisor retries later, and past a limit the campaign fails. */
  private async crashed(campaignId: string, err: unknown): Promise<void> {
    const error = errorText(err);
    this.logger.error({ campaignId, err: error }, 'campaign runner failed');
    try {
      const { rows } = await pgPoolOf(this.db).query<CampaignRow>(
        `UPDATE bulk_campaigns SET crash_count = crash_count + 1, last_error = $2,
            status = CASE WHEN crash_count + 1 >= $3 THEN 'failed' ELSE status END,
            finished_at = CASE WHEN crash_count + 1 >= $3 THEN now() ELSE finished_at END, updated_at = now()
          WHERE id = $1 AND status = 'running' RETURNING ${CAMPAIGN_COLUMNS}`,
        [campaignId, error, MAX_CRASHES],
      );
      this.events.emit('campaign.error', { campaignId, error });
      const c = rows[0];
      if (c?.status === 'failed') {
        this.events.emit('campaign.status_changed', { campaign: toCampaign(c) });
        this.events.emit('campaign.finished', {
          campaignId,
          name: c.name,
          createdBy: c.created_by,
          status: 'failed',
          sent: c.sent,
          failed: c.failed,
          error,
        });
      }
    } catch (recordErr) {
      this.logger.error({ campaignId, err: errorText(recordErr) }, 'could not record the runner failure');
    }
  }
}
