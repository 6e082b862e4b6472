import { toMessage, type MessageRow } from './message.mapper';
import { previewOf } from './conversation.mapper';
import { AttachmentLinks } from '../attachment-links';
import type { AppConfig } from '../../config/app-config';

const now = new Date('2026-11-01T10:20:00Z');
const links = new AttachmentLinks(
  { jwtSecret: 's'.repeat(32), env: { ATTACHMENT_URL_TTL_SECONDS: 3600 } } as AppConfig,
  () => now,
);
const attachmentId = '3c6a3f3e-56c8-4f7e-8c2f-2f5e1f8f9a11';

const row: MessageRow = {
  id: '0b6a3f3e-56c8-4f7e-8c2f-2f5e1f8f9a11',
  conversation_id: '1c6a3f3e-56c8-4f7e-8c2f-2f5e1f8f9a11',
  seq: 3,
  client_message_id: 'c-3',
  sender_type: 'agent',
  sender_id: '2c6a3f3e-56c8-4f7e-8c2f-2f5e1f8f9a11',
  sender_name: 'Ana',
  type: 'image',
  content: 'look',
  attachment: { url: `/api/attachments/${attachmentId}`, mimeType: 'image/png', size: 3, name: 'a.png' },
  reply_to_id: null,
  status: 'sent',
  failure_reason: null,
  template: null,
  media: null,
  private: false,
  campaign_id: null,
  edited_at: null,
  deleted_at: null,
  created_at: new Date('2026-11-01T10:00:00Z'),
  reactions: [{ emoji: '👍', userIds: ['u'] }],
};

describe('message mapper', () => {
  it('maps a stored row to the contract shape with ISO timestamps', () => {
    expect(toMessage(row, links)).toMatchObject({
      seq: 3,
      sender: { type: 'agent', id: row.sender_id, name: 'Ana' },
      createdAt: '2026-11-01T10:00:00.000Z',
      editedAt: null,
    });
  });

  it('a deleted message keeps its place but not its content, attachment or reactions', () => {
    const tomb = toMessage({ ...row, deleted_at: new Date('2026-11-02T00:00:00Z') }, links);
    expect(tomb).toMatchObject({
      seq: 3,
      content: '',
      attachment: null,
      reactions: [],
      deletedAt: '2026-11-02T00:00:00.000Z',
    });
  });

  it('gives a stored attachment a link signed until the hour after the TTL, which stops working after it', () => {
    const url = toMessage(row, links).attachment?.url ?? '';
    const { searchParams } = new URL(url, 'http://x');
    expect(url.startsWith(`/api/attachments/${attachmentId}?exp=`)).toBe(true);
    // 10:20 + 1 h, rounded up to the hour: 12:00.
    expect(Number(searchParams.get('exp')) * 1000).toBe(Date.parse('2026-11-01T12:00:00Z'));
    expect(links.allows(attachmentId, searchParams.get('exp') ?? undefined, searchParams.get('sig') ?? undefined)).toBe(
      true,
    );
    expect(
      links.allows(attachmentId, String(Number(searchParams.get('exp')) + 3600), searchParams.get('sig') ?? undefined),
    ).toBe(false);
    const later = new AttachmentLinks(
      { jwtSecret: 's'.repeat(32), env: { ATTACHMENT_URL_TTL_SECONDS: 3600 } } as AppConfig,
      () => new Date('2026-11-01T12:00:01Z'),
    );
    expect(later.allows(attachmentId, searchParams.get('exp') ?? undefined, searchParams.get('sig') ?? undefined)).toBe(
      false,
    );
  });

  it('previews text as is, media by type and name, and cuts long text', () => {
    expect(previewOf('text', 'hola')).toBe('hola');
    expect(previewOf('image', '', 'a.png')).toBe('[image] a.png');
    expect(previewOf('text', 'x'.repeat(500))).toHaveLength(140);
  });
});
