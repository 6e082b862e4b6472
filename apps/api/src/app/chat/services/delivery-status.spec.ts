import { nextDeliveryStatus } from './delivery-status';

describe('nextDeliveryStatus', () => {
  it('moves forward only: late or repeated receipts change nothing', () => {
    expect(nextDeliveryStatus('pending', 'sent')).toBe('sent');
    expect(nextDeliveryStatus('sent', 'read')).toBe('read');
    expect(nextDeliveryStatus('read', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'delivered')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'sent')).toBeNull();
  });

  it('fails only what was not delivered yet', () => {
    expect(nextDeliveryStatus('pending', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('delivered', 'failed')).toBeNull();
  });

  it('a failed message goes back to pending only for a retry, and a later receipt wins', () => {
    expect(nextDeliveryStatus('failed', 'pending')).toBe('pending');
    expect(nextDeliveryStatus('sent', 'pending')).toBeNull();
    expect(nextDeliveryStatus('failed', 'delivered')).toBe('delivered');
  });
});
