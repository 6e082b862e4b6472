import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CampaignsApi } from '../data/campaigns.api';
import { campaign, flush } from '../data/testing/campaign-fixtures';
import { CampaignNewPage } from './campaign-new.page';

describe('CampaignNewPage', () => {
  let api: { preview: jest.Mock; create: jest.Mock };
  let fixture: ComponentFixture<CampaignNewPage>;

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) => el().querySelector(`[data-testid="${id}"]`) as T;
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    api = { preview: jest.fn(), create: jest.fn() };
    TestBed.configureTestingModule({
      imports: [CampaignNewPage],
      providers: [provideRouter([]), { provide: CampaignsApi, useValue: api }],
    });
    fixture = TestBed.createComponent(CampaignNewPage);
    await fixture.whenStable();
  });

  it('shows the preview\'s invalid rows one per row, and create waits for "skip invalid rows"', async () => {
    type('campaign-name-input', 'Spring sale');
    type('campaign-content-input', 'Hi {{name}}');
    type('campaign-recipients', '+34600000001,Ana\nbad,Bo');
    api.preview.mockResolvedValue({
      total: 1,
      duplicates: 0,
      invalid: [{ row: 2, phone: 'bad', message: '<i>not a phone number</i>' }],
      preview: [{ to: '+34600000001', name: 'Ana', content: 'Hi Ana' }],
    });
    byTestId('campaign-preview-button').click();
    await flush();
    await fixture.whenStable();

    const rows = el().querySelectorAll('[data-testid="invalid-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].getAttribute('data-row')).toBe('2');
    expect(rows[0].textContent).toContain('<i>not a phone number</i>');
    expect(byTestId('preview-total').textContent?.trim()).toBe('1');
    expect(byTestId('preview-messages').textContent).toContain('Hi Ana');
    expect(byTestId<HTMLButtonElement>('campaign-create-button').disabled).toBe(true);

    const skip = byTestId<HTMLInputElement>('campaign-skip-invalid');
    skip.checked = true;
    skip.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(byTestId<HTMLButtonElement>('campaign-create-button').disabled).toBe(false);

    const created = campaign();
    api.create.mockResolvedValue(created);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    byTestId('campaign-create-button').click();
    await flush();
    expect(navigate).toHaveBeenCalledWith(['/campaigns', created.id]);
  });

  it('the hint under the content explains the {{name}} placeholder', () => {
    expect(el().querySelector('#campaign-content-hint')?.textContent).toContain('{{name}}');
  });
});
