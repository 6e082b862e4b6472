/**
 * What each notification says, per language. A notification is stored as its type and these
 * parameters, and each reader sees it in their own language: the app renders it with the UI's
 * language, the API's `title` and `body` are the English rendering for other clients.
 */
export const NOTIFICATION_LANGUAGES = ['en', 'es'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** The parameters each type is stored with. */
export interface NotificationParamsByType {
  'conversation.created': { contactName: string; channel: string; subject: string | null };
  'conversation.assigned': { contactName: string; preview: string | null };
  mention: { senderName: string; excerpt: string };
  'campaign.finished': { campaignName: string; sent: number; failed: number };
  'campaign.failed': { campaignName: string; sent: number; failed: number; error: string | null };
  'channel.down': { channel: string; reason: string | null };
}
export type NotificationParams = Record<string, string | number | null>;

type Texts = {
  [T in keyof NotificationParamsByType]: (p: NotificationParamsByType[T]) => { title: string; body: string };
};

const channelNames: Record<NotificationLanguage, Record<string, string>> = {
  en: { whatsapp: 'WhatsApp', web: 'web chat', internal: 'internal' },
  es: { whatsapp: 'WhatsApp', web: 'chat web', internal: 'interna' },
};
const channelName = (language: NotificationLanguage, channel: string) => channelNames[language][channel] ?? channel;

const texts: Record<NotificationLanguage, Texts> = {
  en: {
    'conversation.created': (p) => ({
      title: `New conversation with ${p.contactName}`,
      body: p.subject ?? `A new ${channelName('en', p.channel)} conversation is waiting`,
    }),
    'conversation.assigned': (p) => ({
      title: `${p.contactName} was assigned to you`,
      body: p.preview ?? 'Open it to reply',
    }),
    mention: (p) => ({ title: `${p.senderName} mentioned you`, body: p.excerpt }),
    'campaign.finished': (p) => ({
      title: `Campaign "${p.campaignName}" finished`,
      body: `${p.sent} sent, ${p.failed} failed`,
    }),
    'campaign.failed': (p) => ({
      title: `Campaign "${p.campaignName}" failed`,
      body: p.error ?? `${p.sent} sent, ${p.failed} failed`,
    }),
    'channel.down': (p) => ({
      title: `${channelName('en', p.channel)} is down`,
      body: p.reason ?? `Messages cannot be sent or received on ${channelName('en', p.channel)} right now`,
    }),
  },
  es: {
    'conversation.created': (p) => ({
      title: `Nueva conversación con ${p.contactName}`,
      body: p.subject ?? `Una nueva conversación de ${channelName('es', p.channel)} está esperando`,
    }),
    'conversation.assigned': (p) => ({
      title: `Te asignaron la conversación con ${p.contactName}`,
      body: p.preview ?? 'Ábrela para responder',
    }),
    mention: (p) => ({ title: `${p.senderName} te mencionó`, body: p.excerpt }),
    'campaign.finished': (p) => ({
      title: `La campaña "${p.campaignName}" terminó`,
      body: `${p.sent} enviados, ${p.failed} fallidos`,
    }),
    'campaign.failed': (p) => ({
      title: `La campaña "${p.campaignName}" falló`,
      body: p.error ?? `${p.sent} enviados, ${p.failed} fallidos`,
    }),
    'channel.down': (p) => ({
      title: `${channelName('es', p.channel)} no funciona`,
      body: p.reason ?? `Ahora mismo no se pueden enviar ni recibir mensajes por ${channelName('es', p.channel)}`,
    }),
  },
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/**
 * A stored notification's title and body in `language`. Parameters are read defensively: a row
 * stored by an older version renders with what it has rather than failing the whole list.
 */
export function renderNotification(
  type: string,
  params: NotificationParams,
  language: NotificationLanguage,
): { title: string; body: string } {
  const t = texts[language] ?? texts.en;
  const p = params;
  switch (type) {
    case 'conversation.created':
      return t[type]({
        contactName: str(p['contactName']),
        channel: str(p['channel']),
        subject: strOrNull(p['subject']),
      });
    case 'conversation.assigned':
      return t[type]({ contactName: str(p['contactName']), preview: strOrNull(p['preview']) });
    case 'mention':
      return t[type]({ senderName: str(p['senderName']), excerpt: str(p['excerpt']) });
    case 'campaign.finished':
      return t[type]({ campaignName: str(p['campaignName']), sent: num(p['sent']), failed: num(p['failed']) });
    case 'campaign.failed':
      return t[type]({
        campaignName: str(p['campaignName']),
        sent: num(p['sent']),
        failed: num(p['failed']),
        error: strOrNull(p['error']),
      });
    case 'channel.down':
      return t[type]({ channel: str(p['channel']), reason: strOrNull(p['reason']) });
    default:
      return { title: type, body: '' };
  }
}
