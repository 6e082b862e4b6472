import { HttpErrorResponse } from '@angular/common/http';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Campaign } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { CampaignsApi } from '../data/campaigns.api';
import { CampaignsSocket } from '../data/campaigns.socket';
import { campaign, flush, progress } from '../data/testing/campaign-fixtures';
import { CampaignDetailPage } from './campaign-detail.page';

describe('CampaignDetailPage', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { get: jest.Mock; recipients: jest.Mock; act: jest.Mock; recipientsCsv: jest.Mock };
  let fixture: ComponentFixture<CampaignDetailPage>;

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => el().querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const button = (id: string) => byTestId(id) as HTMLButtonElement;
  const bulk = () => realtime.socket('/bulk');

  async function render(shown: Campaign) {
    api.get.mockResolvedValue(shown);
    api.recipients.mockResolvedValue({ items: [], nextCursor: null });
    fixture = TestBed.createComponent(CampaignDetailPage);
    fixture.componentRef.setInput('id', shown.id);
    await fixture.whenStable();
    realtime.manager().connectAll();
    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: true, data: { campaign: shown } });
    await flush();
    await fixture.whenStable();
  }

  beforeEach(() => {
    realtime = fakeRealtime();
    api = { get: jest.fn(), recipients: jest.fn(), act: jest.fn(), recipientsCsv: jest.fn() };
    TestBed.configureTestingModule({
      imports: [CampaignDetailPage],
      providers: [provideRouter([]), ...realtime.providers, CampaignsSocket, { provide: CampaignsApi, useValue: api }],
    });
  });

  afterEach(() => TestBed.resetTestingModule());

  it('progress events move the bar and the figures on screen', async () => {
    const shown = campaign({ name: '<b>Spring</b>', total: 60 });
    await render(shown);
    expect(byTestId('campaign-name')?.textContent).toBe('<b>Spring</b>');
    expect(byTestId('campaign-progress')?.getAttribute('data-percent')).toBe('0');

    bulk().serverEmit('bulk_message_progress', progress(shown, { sent: 30, currentRate: 20, etaSeconds: 2 }));
    await fixture.whenStable();
    expect(byTestId('campaign-progress')?.getAttribute('data-percent')).toBe('50');
    expect(byTestId('campaign-sent')?.textContent?.trim()).toBe('30');
    expect(byTestId('campaign-rate')?.textContent?.trim()).toBe('20/s');
    expect(byTestId('campaign-eta')?.textContent?.trim()).toBe('2 s');
  });

  it('enables the controls the status allows, and cancel asks before it acts', async () => {
    const shown = campaign({ status: 'running' });
    await render(shown);
    expect([
      button('campaign-pause').disabled,
      button('campaign-resume').disabled,
      button('campaign-cancel').disabled,
    ]).toEqual([false, true, false]);

    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'paused', lastError: 'provider down' } });
    await fixture.whenStable();
    expect([button('campaign-pause').disabled, button('campaign-resume').disabled]).toEqual([true, false]);
    expect(byTestId('campaign-last-error')?.textContent).toContain('provider down');

    button('campaign-cancel').click();
    await fixture.whenStable();
    expect(byTestId('cancel-confirm')).not.toBeNull();
    expect(api.act).not.toHaveBeenCalled();
    api.act.mockResolvedValue({ ...shown, status: 'cancelled' });
    button('cancel-confirm-yes').click();
    await flush();
    await fixture.whenStable();
    expect(api.act).toHaveBeenCalledWith(shown.id, 'cancel');
    expect(byTestId('campaign-status')?.getAttribute('data-status')).toBe('cancelled');
    expect([
      button('campaign-pause').disabled,
      button('campaign-resume').disabled,
      button('campaign-cancel').disabled,
    ]).toEqual([true, true, true]);
  });

  it('a cancelled campaign does not show a full green bar: only what was sent is filled, the rest reads not sent', async () => {
    await render(campaign({ status: 'cancelled', total: 200, sent: 80, skipped: 120 }));
    const bar = byTestId('campaign-progress');
    expect(bar?.getAttribute('data-percent')).toBe('40');
    expect(bar?.classList).toContain('stopped');
    expect(bar?.querySelector('.fill')?.classList).not.toContain('done');
    expect(byTestId('campaign-percent')?.textContent?.trim()).toBe('40% sent');
  });

  it('an unknown campaign says so, links back to the list, and offers no retry', async () => {
    api.get.mockRejectedValue(
      new HttpErrorResponse({ status: 404, error: { error: { code: 'not_found', message: 'No such campaign' } } }),
    );
    api.recipients.mockResolvedValue({ items: [], nextCursor: null });
    fixture = TestBed.createComponent(CampaignDetailPage);
    fixture.componentRef.setInput('id', '00000000-0000-0000-0000-000000000000');
    await fixture.whenStable();
    realtime.manager().connectAll();
    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: false, error: { code: 'not_found', message: 'No such campaign' } });
    await flush();
    await fixture.whenStable();

    expect(byTestId('view-not-found')?.textContent).toContain('No such campaign');
    expect(byTestId('view-not-found-link')?.getAttribute('href')).toBe('/campaigns');
    expect(byTestId('view-error')).toBeNull();
    expect(el().querySelector('button')).toBeNull();
  });
});
