import { message } from './testing/chat-fixtures';
import { applyDeliveryStatus, mergeMessages, nextDeliveryStatus } from './message-merge';

describe('delivery statuses', () => {
  it('only move forward; failed only before delivered; a failed message goes back to pending only by a retry', () => {
    expect(nextDeliveryStatus('pending', 'sent')).toBe('sent');
    expect(nextDeliveryStatus('delivered', 'sent')).toBe('delivered');
    expect(nextDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('delivered', 'failed')).toBe('delivered');
    expect(nextDeliveryStatus('failed', 'pending')).toBe('pending');
    expect(nextDeliveryStatus('sent', 'pending')).toBe('sent');
    expect(nextDeliveryStatus('failed', 'delivered')).toBe('delivered');
  });

  it('applies to one message by id, with the failure reason only while failed', () => {
    const list = [message(1, { status: 'sent' }), message(2, { status: 'sent' })];
    const failed = applyDeliveryStatus(list, 'm2', 'failed', 'Not on WhatsApp');
    expect(failed.map((m) => [m.status, m.failureReason ?? null])).toEqual([
      ['sent', null],
      ['failed', 'Not on WhatsApp'],
    ]);
    expect(applyDeliveryStatus(failed, 'm2', 'sent')[1]).toEqual(
      expect.objectContaining({ status: 'sent', failureReason: null }),
    );
    expect(applyDeliveryStatus(list, 'unknown', 'read')).toBe(list);
  });

  it('merging an older copy of a message keeps the status that is further along', () => {
    const merged = mergeMessages(
      [message(1, { status: 'delivered' })],
      [message(1, { status: 'pending', content: 'edited' })],
    );
    expect(merged[0]).toEqual(expect.objectContaining({ status: 'delivered', content: 'edited' }));
  });
});
