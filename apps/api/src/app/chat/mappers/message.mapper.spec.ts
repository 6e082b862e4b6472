import { toMessage, type MessageRow } from './message.mapper';
import { previewOf } from './conversation.mapper';

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
  attachment: { url: '/api/attachments/x', mimeType: 'image/png', size: 3, name: 'a.png' },
  reply_to_id: null,
  status: 'sent',
  failure_reason: null,
  template: null,
  media: null,
  edited_at: null,
  deleted_at: null,
  created_at: new Date('2026-11-01T10:00:00Z'),
  reactions: [{ emoji: '👍', userIds: ['u'] }],
};

describe('message mapper', () => {
  it('maps a stored row to the contract shape with ISO timestamps', () => {
    expect(toMessage(row)).toMatchObject({ seq: 3, sender: { type: 'agent', id: row.sender_id, name: 'Ana' }, createdAt: '2026-11-01T10:00:00.000Z', editedAt: null });
  });

  it('a deleted message keeps its place but not its content, attachment or reactions', () => {
    const tomb = toMessage({ ...row, deleted_at: new Date('2026-11-02T00:00:00Z') });
    expect(tomb).toMatchObject({ seq: 3, content: '', attachment: null, reactions: [], deletedAt: '2026-11-02T00:00:00.000Z' });
  });

  it('previews text as is, media by type and name, and cuts long text', () => {
    expect(previewOf('text', 'hola')).toBe('hola');
    expect(previewOf('image', '', 'a.png')).toBe('[image] a.png');
    expect(previewOf('text', 'x'.repeat(500))).toHaveLength(140);
  });
});
