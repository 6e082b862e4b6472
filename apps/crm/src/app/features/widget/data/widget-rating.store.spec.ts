import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { WidgetRatingStore } from './widget-rating.store';
import { WidgetStore } from './widget.store';

const refusal = (status: number, code: string) =>
  new HttpErrorResponse({ status, error: { error: { code, message: `refused: ${code}` } } });

describe('WidgetRatingStore', () => {
  let rate: jest.Mock;

  function store(): WidgetRatingStore {
    TestBed.configureTestingModule({ providers: [WidgetRatingStore, { provide: WidgetStore, useValue: { rate } }] });
    return TestBed.inject(WidgetRatingStore);
  }

  it('sends the score and the trimmed comment once, then thanks', async () => {
    rate = jest.fn().mockResolvedValue(undefined);
    const rating = store();
    await rating.send('c1', 4, '  great  ');
    await rating.send('c1', 1, 'again');
    expect(rate).toHaveBeenCalledTimes(1);
    expect(rate).toHaveBeenCalledWith('c1', { score: 4, comment: 'great' });
    expect(rating.state()).toBe('thanks');
  });

  it('a conversation rated already (409) says so rather than failing', async () => {
    rate = jest.fn().mockRejectedValue(refusal(409, 'conflict'));
    const rating = store();
    await rating.send('c1', 5, '');
    expect(rate).toHaveBeenCalledWith('c1', { score: 5 });
    expect(rating.state()).toBe('already');
    expect(rating.error()).toBeNull();
  });

  it('offline, the error shows and the form can be sent again', async () => {
    rate = jest
      .fn()
      .mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }))
      .mockResolvedValue(undefined);
    const rating = store();
    await rating.send('c1', 3, '');
    expect(rating.state()).toBe('idle');
    expect(rating.error()?.code).toBe('network');
    await rating.send('c1', 3, '');
    expect(rating.state()).toBe('thanks');
  });
});
