import type { Logger } from '@nestjs/common';
import type { ChannelProvider } from '../../channels/providers/channel-provider';
import {
  ProviderThrottledError,
  ProviderUnavailableError,
  RecipientRejectedError,
} from '../../channels/providers/provider-errors';
import type { CampaignSendRecord } from '../../chat/services/campaign-threads.service';
import type { CampaignRow } from '../campaign.mapper';
import { messageFor, templateVariablesFor } from '../recipients/recipient-list';

const SEND_CONCURRENCY = 16;

/** A recipient a runner has marked `sending`, with what its message is made from. */
export interface ClaimedRecipient {
  id: string;
  phone: string;
  name: string | null;
  variables: Record<string, string>;
}

/** What the provider answered one recipient's send. */
export type Outcome =
  | { id: string; kind: 'sent'; providerMessageId: string }
  | { id: string; kind: 'failed'; error: string }
  | { id: string; kind: 'throttled'; retryAfterMs: number | null; error: string }
  | { id: string; kind: 'unavailable'; error: string };

type OutcomeOf<K extends Outcome['kind']> = Extract<Outcome, { kind: K }>;

/** A batch's outcomes by what becomes of each recipient, each list in the order sent. */
export interface BatchOutcomes {
  sent: OutcomeOf<'sent'>[];
  /** The provider refused the recipient: sending again would not help. */
  failed: OutcomeOf<'failed'>[];
  /** Throttled or unavailable: back to pending, for a later batch. */
  retry: (OutcomeOf<'throttled'> | OutcomeOf<'unavailable'>)[];
  /** The first throttled answer: its retry-after sets how much the campaign slows down. */
  throttled: OutcomeOf<'throttled'> | undefined;
  /** The first outage answer: its error is what a campaign paused for outages shows. */
  unavailable: OutcomeOf<'unavailable'> | undefined;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export function sortOutcomes(outcomes: Outcome[]): BatchOutcomes {
  return {
    sent: outcomes.filter((o): o is OutcomeOf<'sent'> => o.kind === 'sent'),
    failed: outcomes.filter((o): o is OutcomeOf<'failed'> => o.kind === 'failed'),
    retry: outcomes.filter(
      (o): o is OutcomeOf<'throttled'> | OutcomeOf<'unavailable'> => o.kind === 'throttled' || o.kind === 'unavailable',
    ),
    throttled: outcomes.find((o): o is OutcomeOf<'throttled'> => o.kind === 'throttled'),
    unavailable: outcomes.find((o): o is OutcomeOf<'unavailable'> => o.kind === 'unavailable'),
  };
}

/**
 * The recipients' ids, statuses, provider message ids and errors, one array each, for a single
 * `unnest` update of the whole batch.
 */
export function recipientUpdates({ sent, failed, retry }: BatchOutcomes): unknown[][] {
  return [
    [...sent, ...failed, ...retry].map((o) => o.id),
    [...sent.map(() => 'sent'), ...failed.map(() => 'failed'), ...retry.map(() => 'pending')],
    [...sent.map((o) => o.providerMessageId), ...failed.map(() => null), ...retry.map(() => null)],
    [...sent.map(() => null), ...failed.map((o) => o.error), ...retry.map((o) => o.error)],
  ];
}

/** The phone of the batch's last recipient that got an answer for good, for the progress shown. */
export function lastAnsweredPhone(claimed: ClaimedRecipient[], { sent, failed }: BatchOutcomes): string | null {
  const last = sent[sent.length - 1] ?? failed[failed.length - 1];
  return last ? (claimed.find((r) => r.id === last.id)?.phone ?? null) : null;
}

/** The batch's sends as their recipients' threads show them. */
export function threadRecords(
  campaign: CampaignRow,
  claimed: ClaimedRecipient[],
  sent: OutcomeOf<'sent'>[],
): CampaignSendRecord[] {
  const byId = new Map(claimed.map((r) => [r.id, r]));
  return sent.map((o) => {
    const r = byId.get(o.id) as ClaimedRecipient;
    return {
      phone: r.phone,
      name: r.name,
      content: messageFor(campaign.content, r),
      providerMessageId: o.providerMessageId,
      key: `campaign:${campaign.id}:${r.id}`,
    };
  });
}

/**
 * Sends a batch through the channel provider, a few at a time, and turns each provider error into
 * the outcome the runner acts on. The idempotency key is per campaign and recipient, so a provider
 * that dedupes makes a resend after a crash harmless.
 */
export class CampaignSender {
  constructor(
    private readonly provider: ChannelProvider,
    private readonly logger: Logger,
  ) {}

  async sendAll(campaign: CampaignRow, recipients: ClaimedRecipient[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(recipients.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < recipients.length; i = next++) outcomes[i] = await this.sendOne(campaign, recipients[i]);
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, recipients.length) }, worker));
    return outcomes;
  }

  private async sendOne(campaign: CampaignRow, r: ClaimedRecipient): Promise<Outcome> {
    try {
      const { providerMessageId } = await this.provider.send({
        to: r.phone,
        content: messageFor(campaign.content, r),
        idempotencyKey: `campaign:${campaign.id}:${r.id}`,
        campaignId: campaign.id,
        template:
          campaign.template_name && campaign.template_language
            ? {
                name: campaign.template_name,
                language: campaign.template_language,
                variables: templateVariablesFor(campaign.template_variables ?? [], r),
              }
            : null,
      });
      return { id: r.id, kind: 'sent', providerMessageId };
    } catch (err) {
      if (err instanceof RecipientRejectedError) return { id: r.id, kind: 'failed', error: errorText(err) };
      if (err instanceof ProviderThrottledError)
        return { id: r.id, kind: 'throttled', retryAfterMs: err.retryAfterMs, error: errorText(err) };
      if (!(err instanceof ProviderUnavailableError))
        this.logger.warn({ campaignId: campaign.id, err: errorText(err) }, 'unexpected send error');
      return { id: r.id, kind: 'unavailable', error: errorText(err) };
    }
  }
}
