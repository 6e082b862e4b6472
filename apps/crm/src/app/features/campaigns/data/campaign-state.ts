import type { BulkProgress, Campaign, CampaignFunnel, CampaignStatus } from '@switchboard/contracts/types';

const FINISHED: readonly CampaignStatus[] = ['completed', 'cancelled', 'failed'];

/** Completed, cancelled or failed: nothing more will be sent. */
export function isFinished(status: CampaignStatus): boolean {
  return FINISHED.includes(status);
}

/** Which controls the server accepts in each status (anything else answers 409). */
export function canPause(status: CampaignStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function canResume(status: CampaignStatus): boolean {
  return status === 'paused';
}

export function canCancel(status: CampaignStatus): boolean {
  return status === 'scheduled' || status === 'queued' || status === 'running' || status === 'paused';
}

/**
 * A newer copy of a campaign (a push, an ack snapshot, a REST answer) over the shown one.
 * Counts only grow, so the larger of each is kept (a snapshot that crossed a progress event
 * cannot move the bar back); a finished campaign stays finished.
 */
export function mergeCampaign(current: Campaign, next: Campaign): Campaign {
  if (current.id !== next.id) return current;
  const keepFinished = isFinished(current.status) && !isFinished(next.status);
  return {
    ...next,
    ...(keepFinished ? { status: current.status, finishedAt: current.finishedAt } : {}),
    sent: Math.max(current.sent, next.sent),
    failed: Math.max(current.failed, next.failed),
    skipped: Math.max(current.skipped, next.skipped),
    delivered: Math.max(current.delivered, next.delivered),
    read: Math.max(current.read, next.read),
    replied: Math.max(current.replied, next.replied),
    undelivered: Math.max(current.undelivered, next.undelivered),
  };
}

/** A `bulk_funnel_updated` for this campaign: its funnel counts (never backwards). */
export function applyFunnel(current: Campaign, funnel: CampaignFunnel): Campaign {
  if (current.id !== funnel.campaignId) return current;
  return {
    ...current,
    delivered: Math.max(current.delivered, funnel.delivered),
    read: Math.max(current.read, funnel.read),
    replied: Math.max(current.replied, funnel.replied),
    undelivered: Math.max(current.undelivered, funnel.undelivered),
  };
}

/** A `bulk_message_progress` for this campaign: its counts (never backwards). */
export function applyProgress(current: Campaign, progress: BulkProgress): Campaign {
  if (current.id !== progress.campaignId) return current;
  const sent = Math.max(current.sent, progress.sent);
  const failed = Math.max(current.failed, progress.failed);
  if (sent === current.sent && failed === current.failed && progress.total === current.total) return current;
  return { ...current, sent, failed, total: progress.total };
}

/** Cancelled or failed: it stopped before reaching everyone, and what it did not send was skipped. */
export function stoppedEarly(status: CampaignStatus): boolean {
  return status === 'cancelled' || status === 'failed';
}

/**
 * How far the campaign is, 0–100: sent, failed and skipped recipients over the total. For one that
 * stopped early, the share actually sent: its skipped recipients would otherwise fill the bar and
 * read as "all sent".
 */
export function progressPercent(campaign: Pick<Campaign, 'status' | 'sent' | 'failed' | 'skipped' | 'total'>): number {
  if (campaign.total <= 0) return campaign.status === 'completed' ? 100 : 0;
  const done = stoppedEarly(campaign.status) ? campaign.sent : campaign.sent + campaign.failed + campaign.skipped;
  return Math.min(100, Math.floor((done / campaign.total) * 100));
}

/** The loaded part of the campaign list: newest first, and the cursor of the next page. */
export interface CampaignListState {
  items: Campaign[];
  nextCursor: string | null;
}

/**
 * A pushed campaign replaces its row. One not shown yet goes on top when it is the newest
 * (created elsewhere just now); an older one belongs to a page not loaded, so it is left there.
 */
export function upsertCampaign(state: CampaignListState, campaign: Campaign): CampaignListState {
  const index = state.items.findIndex((c) => c.id === campaign.id);
  if (index === -1) {
    const newest = state.items[0];
    const isNewest = !newest || Date.parse(campaign.createdAt) >= Date.parse(newest.createdAt);
    return isNewest ? { ...state, items: [campaign, ...state.items] } : state;
  }
  const items = [...state.items];
  items[index] = mergeCampaign(items[index], campaign);
  return { ...state, items };
}

export function applyListProgress(state: CampaignListState, progress: BulkProgress): CampaignListState {
  const index = state.items.findIndex((c) => c.id === progress.campaignId);
  if (index === -1) return state;
  const updated = applyProgress(state.items[index], progress);
  if (updated === state.items[index]) return state;
  const items = [...state.items];
  items[index] = updated;
  return { ...state, items };
}

/** A further page goes below, without the ones already shown. */
export function appendCampaigns(
  state: CampaignListState,
  items: Campaign[],
  nextCursor: string | null,
): CampaignListState {
  const known = new Set(state.items.map((c) => c.id));
  return { items: [...state.items, ...items.filter((c) => !known.has(c.id))], nextCursor };
}
