import { FunnelBuffer } from './funnel-buffer';

describe('FunnelBuffer', () => {
  it('counts a read as a delivery too, and each send once per step', () => {
    const b = new FunnelBuffer();
    expect(b.receipt('a', 'delivered')).toBe(true);
    expect(b.receipt('a', 'read')).toBe(true);
    expect(b.receipt('b', 'read')).toBe(true);
    expect(b.receipt('c', 'failed')).toBe(true);
    expect(b.receipt('d', 'sent')).toBe(false);
    b.reply('k', '+34600000001');
    b.reply('k', '+34600000001');
    expect(b.take()).toEqual({
      delivered: ['a', 'b'],
      read: ['a', 'b'],
      undelivered: ['c'],
      replies: [{ campaignId: 'k', phone: '+34600000001' }],
    });
  });

  it('is empty after a take', () => {
    const b = new FunnelBuffer();
    expect(b.take()).toBeNull();
    b.receipt('a', 'delivered');
    b.take();
    expect(b.take()).toBeNull();
  });
});
