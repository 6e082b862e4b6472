import type { ChannelMedia, MessageType } from '@switchboard/contracts';
import {
  waMessageSchema,
  waStatusSchema,
  type WaMessage,
  type WaStatus,
  type WaWebhook,
} from './whatsapp-payload.schema';

/** A customer's message as chat stores it. */
export interface InboundMessage {
  from: string;
  name: string;
  providerMessageId: string;
  type: MessageType;
  content: string;
  media: ChannelMedia | null;
}

/** A customer's reaction to one of the conversation's messages (emoji null: taken back). */
export interface InboundReaction {
  from: string;
  name: string;
  providerMessageId: string;
  targetProviderMessageId: string;
  emoji: string | null;
}

export interface InboundStatus {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  failureReason: string | null;
}

/** Everything one webhook event asks for, in the order Meta listed it. */
export interface InboundPlan {
  messages: InboundMessage[];
  reactions: InboundReaction[];
  statuses: InboundStatus[];
  /** Items that could not be read, for the log. */
  skipped: string[];
}

const MEDIA_TYPES: Record<string, MessageType> = {
  image: 'image',
  sticker: 'image',
  video: 'video',
  audio: 'audio',
  document: 'file',
};
const STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** wa_id (digits) → E.164 with the plus. */
export const toE164 = (waId: string) => `+${waId.replace(/\D/g, '')}`;

export function readWebhook(payload: WaWebhook): InboundPlan {
  const plan: InboundPlan = { messages: [], reactions: [], statuses: [], skipped: [] };
  if (payload.object !== 'whatsapp_business_account') {
    plan.skipped.push(`object ${payload.object}`);
    return plan;
  }
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        plan.skipped.push(`field ${change.field}`);
        continue;
      }
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of change.value.messages ?? []) {
        const parsed = waMessageSchema.safeParse(raw);
        if (!parsed.success) {
          plan.skipped.push('a message of unexpected shape');
          continue;
        }
        const m = parsed.data;
        // A contact's name holds 120 characters; a longer profile name is cut.
        const name = (names.get(m.from) ?? '').trim().slice(0, 120) || toE164(m.from);
        if (m.type === 'reaction' && m.reaction) {
          plan.reactions.push({
            from: toE164(m.from),
            name,
            providerMessageId: m.id,
            targetProviderMessageId: m.reaction.message_id,
            emoji: m.reaction.emoji || null,
          });
        } else {
          plan.messages.push({ from: toE164(m.from), name, providerMessageId: m.id, ...contentOf(m) });
        }
      }
      for (const raw of change.value.statuses ?? []) {
        const parsed = waStatusSchema.safeParse(raw);
        if (!parsed.success || !STATUSES.has(parsed.data.status)) {
          plan.skipped.push(`a status ${parsed.success ? parsed.data.status : 'of unexpected shape'}`);
          continue;
        }
        plan.statuses.push({
          providerMessageId: parsed.data.id,
          status: parsed.data.status as InboundStatus['status'],
          failureReason: parsed.data.status === 'failed' ? failureOf(parsed.data) : null,
        });
      }
    }
  }
  return plan;
}

/** What the conversation shows for a message: text as is, media by reference with its caption, a location as text. */
export function contentOf(m: WaMessage): { type: MessageType; content: string; media: ChannelMedia | null } {
  const mediaType = MEDIA_TYPES[m.type];
  const media = mediaType ? m[m.type as 'image' | 'sticker' | 'video' | 'audio' | 'document'] : undefined;
  if (mediaType && media) {
    return {
      type: mediaType,
      content: media.caption ?? '',
      media: {
        provider: 'whatsapp',
        id: media.id,
        mimeType: media.mime_type ?? null,
        fileName: media.filename ?? null,
        sha256: media.sha256 ?? null,
      },
    };
  }
  if (m.type === 'text' && m.text) return { type: 'text', content: m.text.body, media: null };
  if (m.type === 'location' && m.location) {
    const { latitude, longitude, name } = m.location;
    return { type: 'text', content: `📍 ${latitude},${longitude}${name ? ` (${name})` : ''}`, media: null };
  }
  if (m.type === 'button' && m.button) return { type: 'text', content: m.button.text, media: null };
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (m.type === 'interactive' && reply) return { type: 'text', content: reply.title, media: null };
  return { type: 'text', content: `[unsupported WhatsApp message: ${m.type}]`, media: null };
}

function failureOf(s: WaStatus): string {
  const e = s.errors?.[0];
  if (!e) return 'WhatsApp could not deliver the message';
  const what = e.error_data?.details ?? e.message ?? e.title ?? 'WhatsApp could not deliver the message';
  return e.code !== undefined ? `${what} (code ${e.code})` : what;
}
