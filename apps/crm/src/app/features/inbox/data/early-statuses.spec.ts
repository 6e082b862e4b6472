import { EarlyStatuses, MAX_EARLY_STATUSES } from './early-statuses';
import { message } from './testing/chat-fixtures';

describe('early delivery statuses', () => {
  it('applies the furthest status that beat a message when it arrives, then forgets it', () => {
    const early = new EarlyStatuses();
    early.keep('m2', 'delivered', null);
    early.keep('m2', 'sent', null);
    const arrived = [message(2, { status: 'pending' })];
    expect(early.applyTo([message(1), ...arrived], arrived).map((m) => m.status)).toEqual(['sent', 'delivered']);
    expect(early.applyTo(arrived, arrived).map((m) => m.status)).toEqual(['pending']);
  });

  it('keeps the reason of a failure that beat its message', () => {
    const early = new EarlyStatuses();
    early.keep('m1', 'failed', 'Recipient is not on WhatsApp');
    const arrived = [message(1, { status: 'pending' })];
    expect(early.applyTo(arrived, arrived)[0]).toEqual(
      expect.objectContaining({ status: 'failed', failureReason: 'Recipient is not on WhatsApp' }),
    );
  });

  it(`keeps at most ${MAX_EARLY_STATUSES}, forgetting the oldest`, () => {
    const early = new EarlyStatuses();
    for (let seq = 1; seq <= MAX_EARLY_STATUSES + 1; seq++) early.keep(`m${seq}`, 'delivered', null);
    const arrived = [message(1, { status: 'sent' }), message(2, { status: 'sent' })];
    expect(early.applyTo(arrived, arrived).map((m) => m.status)).toEqual(['sent', 'delivered']);
  });
});
