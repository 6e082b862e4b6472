import { conversation } from './testing/chat-fixtures';
import { fillTemplate, replyWindow } from './reply-window';

describe('replyWindow', () => {
  const now = Date.parse('2026-01-02T10:00:00.000Z');

  it('has no window outside WhatsApp', () => {
    expect(replyWindow(conversation({ channel: 'web' }), now)).toEqual({ kind: 'none' });
    expect(replyWindow(null, now)).toEqual({ kind: 'none' });
  });

  it('is open before windowExpiresAt, with the time left, and closed from it on', () => {
    const open = replyWindow(conversation({ channel: 'whatsapp', windowExpiresAt: '2026-01-02T13:00:00.000Z' }), now);
    expect(open).toEqual({ kind: 'open', expiresAt: '2026-01-02T13:00:00.000Z', msLeft: 3 * 3_600_000 });
    expect(
      replyWindow(conversation({ channel: 'whatsapp', windowExpiresAt: '2026-01-02T10:00:00.000Z' }), now),
    ).toEqual({ kind: 'closed', reason: 'expired' });
  });

  it('is closed while the customer never wrote (windowExpiresAt null or missing)', () => {
    expect(replyWindow(conversation({ channel: 'whatsapp', windowExpiresAt: null }), now)).toEqual({
      kind: 'closed',
      reason: 'never',
    });
    expect(replyWindow(conversation({ channel: 'whatsapp' }), now)).toEqual({ kind: 'closed', reason: 'never' });
  });

  it('stays closed after the server refused free text until windowExpiresAt moves', () => {
    const c = conversation({ channel: 'whatsapp', windowExpiresAt: '2026-01-02T13:00:00.000Z' });
    expect(replyWindow(c, now, '2026-01-02T13:00:00.000Z')).toEqual({ kind: 'closed', reason: 'refused' });
    expect(
      replyWindow({ ...c, windowExpiresAt: '2026-01-03T09:00:00.000Z' }, now, '2026-01-02T13:00:00.000Z').kind,
    ).toBe('open');
  });
});

describe('fillTemplate', () => {
  it('fills {{n}} with the n-th variable and leaves empty ones as placeholders for the preview', () => {
    expect(fillTemplate('Hi {{1}}, order {{2}} ships {{1}}!', ['Carla', ''])).toBe(
      'Hi Carla, order {{2}} ships Carla!',
    );
    expect(fillTemplate('No variables', [])).toBe('No variables');
  });
});
