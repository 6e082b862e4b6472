import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { campaignSettingsSchema } from '@switchboard/contracts';
import type { CampaignPreview, CreateCampaignRequest } from '@switchboard/contracts/types';
import { CONTENT_MAX_LENGTH, CampaignCreateStore, NAME_MAX_LENGTH } from './campaign-create.store';
import type { CampaignRequest } from './campaign-request';
import { CampaignsApi } from './campaigns.api';
import { blobText, campaign } from './testing/campaign-fixtures';

const preview = (overrides: Partial<CampaignPreview> = {}): CampaignPreview => ({
  total: 2,
  duplicates: 0,
  invalid: [],
  preview: [
    { to: '+34600000001', name: 'Ana', content: 'Hi Ana' },
    { to: '+34600000002', name: 'Luis', content: 'Hi Luis' },
  ],
  ...overrides,
});

const rowsRejected = (details: unknown[]) =>
  new HttpErrorResponse({
    status: 400,
    error: { error: { code: 'validation_failed', message: '1 invalid recipient row', details } },
  });

describe('CampaignCreateStore', () => {
  let api: { preview: jest.Mock; create: jest.Mock };
  let store: CampaignCreateStore;

  const fill = (pasted = '+34600000001,Ana\n+34600000002,Luis') =>
    store.update({ name: 'Spring sale', content: 'Hi {{name}}', ratePerSecond: 20, pasted });
  const sentBody = (mock: jest.Mock) => (mock.mock.calls.at(-1)?.[0] as CampaignRequest).body;

  beforeEach(() => {
    api = { preview: jest.fn(), create: jest.fn() };
    TestBed.configureTestingModule({ providers: [CampaignCreateStore, { provide: CampaignsApi, useValue: api }] });
    store = TestBed.inject(CampaignCreateStore);
  });

  it("its local limits are the contract schema's", () => {
    const base = { name: 'n', content: 'c' };
    expect(campaignSettingsSchema.safeParse({ ...base, name: 'x'.repeat(NAME_MAX_LENGTH) }).success).toBe(true);
    expect(campaignSettingsSchema.safeParse({ ...base, name: 'x'.repeat(NAME_MAX_LENGTH + 1) }).success).toBe(false);
    expect(campaignSettingsSchema.safeParse({ ...base, content: 'x'.repeat(CONTENT_MAX_LENGTH) }).success).toBe(true);
    expect(campaignSettingsSchema.safeParse({ ...base, content: 'x'.repeat(CONTENT_MAX_LENGTH + 1) }).success).toBe(
      false,
    );
  });

  it('shows field errors only once a preview is tried, and sends nothing while the form is incomplete', async () => {
    expect(store.fieldError('name')).toBeNull();
    await store.runPreview();
    expect(api.preview).not.toHaveBeenCalled();
    expect(store.fieldError('name')).toEqual({ key: 'campaigns.form.nameRequired' });
    expect(store.fieldError('content')).toEqual({ key: 'campaigns.form.contentRequired' });
    expect(store.fieldError('recipients')).toEqual({ key: 'campaigns.form.recipientsRequired' });
    store.update({ ratePerSecond: Number.NaN });
    expect(store.fieldError('ratePerSecond')).toEqual({ key: 'campaigns.form.rateInvalid' });
    expect(store.createBlockedBy()).toBe('campaigns.create.fixForm');
  });

  it('previews pasted phone,name lines as JSON recipients and then allows create', async () => {
    fill('+34600000001,Ana\n\n+34600000002, "Luis, Jr."\n+34600000003');
    expect(store.pastedCount()).toBe(3);
    expect(store.canCreate()).toBe(false);
    expect(store.createBlockedBy()).toBe('campaigns.create.previewFirst');

    api.preview.mockResolvedValue(preview({ total: 3 }));
    await store.runPreview();
    const body = sentBody(api.preview) as CreateCampaignRequest;
    expect(body).toEqual({
      name: 'Spring sale',
      channel: 'whatsapp',
      content: 'Hi {{name}}',
      ratePerSecond: 20,
      skipInvalid: false,
      recipients: [
        { phone: '+34600000001', name: 'Ana' },
        { phone: '+34600000002', name: 'Luis, Jr.' },
        { phone: '+34600000003' },
      ],
    });
    expect(store.preview()?.total).toBe(3);
    expect(store.canCreate()).toBe(true);
  });

  it('preview errors are listed per row, and create stays disabled until "skip invalid rows" is ticked', async () => {
    fill('+34600000001,Ana\nnot-a-phone,Bo\n+34600000001,Ana again\n12,Cy');
    const invalid = [
      { row: 2, phone: 'not-a-phone', message: 'not a phone number' },
      { row: 4, phone: '12', message: 'too short' },
    ];
    api.preview.mockResolvedValue(preview({ total: 1, duplicates: 1, invalid }));
    await store.runPreview();

    expect(store.invalidRows()).toEqual(invalid);
    expect(store.rejectedByServer()).toBe(false);
    expect(store.canCreate()).toBe(false);
    expect(store.createBlockedBy()).toBe('campaigns.create.fixOrSkip');

    store.update({ skipInvalid: true });
    expect(store.canCreate()).toBe(true);
    api.create.mockResolvedValue(campaign());
    await store.create();
    expect((sentBody(api.create) as CreateCampaignRequest).skipInvalid).toBe(true);
  });

  it('changing the recipients or the message after a preview asks for a new one', async () => {
    fill();
    api.preview.mockResolvedValue(preview());
    await store.runPreview();
    expect(store.canCreate()).toBe(true);

    store.update({ name: 'Renamed' });
    expect(store.canCreate()).toBe(true);
    store.update({ content: 'Hello {{name}}' });
    expect(store.preview()).toBeNull();
    expect(store.canCreate()).toBe(false);
    expect(store.createBlockedBy()).toBe('campaigns.create.previewFirst');
  });

  it('a preview answer that comes after the form changed is dropped', async () => {
    fill();
    let answer!: (p: CampaignPreview) => void;
    api.preview.mockReturnValue(new Promise<CampaignPreview>((resolve) => (answer = resolve)));
    const running = store.runPreview();
    store.update({ pasted: '+34600000009' });
    answer(preview());
    await running;
    expect(store.preview()).toBeNull();
    expect(store.previewing()).toBe(false);
  });

  it('rows the server refuses on create are shown per row; create waits for "skip invalid rows"', async () => {
    fill();
    api.preview.mockResolvedValue(preview());
    await store.runPreview();
    api.create.mockRejectedValue(
      rowsRejected([
        { path: 'recipients.1.phone', row: 2, phone: '+34600000002', message: 'Row 2: opted out' },
        { path: 'recipients.0.phone', message: 'too long' },
      ]),
    );

    await expect(store.create()).resolves.toBeNull();
    expect(store.invalidRows()).toEqual([
      { row: 1, phone: null, message: 'too long' },
      { row: 2, phone: '+34600000002', message: 'opted out' },
    ]);
    expect(store.rejectedByServer()).toBe(true);
    expect(store.requestError()).toBeNull();
    expect(store.canCreate()).toBe(false);

    store.update({ skipInvalid: true });
    expect(store.canCreate()).toBe(true);
    const created = campaign();
    api.create.mockResolvedValue(created);
    await expect(store.create()).resolves.toBe(created);
  });

  it('shows a server field error under its field and other failures as one message', async () => {
    fill();
    api.preview.mockRejectedValue(
      new HttpErrorResponse({
        status: 400,
        error: {
          error: {
            code: 'validation_failed',
            message: 'Invalid',
            details: [{ path: 'content', message: 'unknown variable {{code}}' }],
          },
        },
      }),
    );
    await store.runPreview();
    expect(store.fieldError('content')).toEqual({ text: 'unknown variable {{code}}' });
    store.update({ content: 'Hi' });
    expect(store.fieldError('content')).toBeNull();

    api.preview.mockRejectedValue(new HttpErrorResponse({ status: 0 }));
    await store.runPreview();
    expect(store.requestError()).toBeInstanceOf(HttpErrorResponse);
  });

  it('sends CSV text with a header, and an uploaded file, as the multipart file', async () => {
    fill('phone,name,city\n+34600000001,Ana,Madrid\n+34600000002,Luis,Lima');
    expect(store.pastedCount()).toBe(2);
    api.preview.mockResolvedValue(preview());
    await store.runPreview();
    let form = sentBody(api.preview) as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('name')).toBe('Spring sale');
    expect(form.get('ratePerSecond')).toBe('20');
    expect(form.get('skipInvalid')).toBe('false');
    expect(await blobText(form.get('file') as Blob)).toBe(
      'phone,name,city\n+34600000001,Ana,Madrid\n+34600000002,Luis,Lima\n',
    );

    const file = new File(['phone\n+34600000001\n'], 'list.csv', { type: 'text/csv' });
    store.update({ mode: 'file', file });
    expect(store.preview()).toBeNull();
    await store.runPreview();
    form = sentBody(api.preview) as FormData;
    expect((form.get('file') as File).name).toBe('list.csv');
  });

  it('an unreadable CSV is shown as the recipients error, until another file is chosen', async () => {
    store.update({ name: 'n', content: 'c', mode: 'file', file: new File(['x'], 'x.csv') });
    api.preview.mockRejectedValue(
      new HttpErrorResponse({
        status: 400,
        error: {
          error: {
            code: 'validation_failed',
            message: 'The CSV cannot be read',
            details: [{ path: 'file', message: 'no phone column' }],
          },
        },
      }),
    );
    await store.runPreview();
    expect(store.fieldError('recipients')).toEqual({ text: 'no phone column' });
    expect(store.requestError()).toBeNull();
    store.update({ file: new File(['phone\n+34600000001'], 'y.csv') });
    expect(store.fieldError('recipients')).toBeNull();
  });

  it('a template campaign needs every variable mapped, and is sent as {{column}} texts with its start time', async () => {
    api.preview.mockResolvedValue(preview());
    fill('phone,name,city\n+34600000001,Ana,Madrid');
    const template = { id: 't1', name: 'promo', language: 'es', body: 'Hola {{1}} de {{2}}', variableCount: 2 };
    store.update({ content: '', template: { template, columns: ['name', ''] } });
    await store.runPreview();
    expect(api.preview).not.toHaveBeenCalled();
    expect(store.fieldError('template')).toEqual({ key: 'campaigns.form.mapEveryVariable' });
    expect(store.fieldError('content')).toBeNull();

    store.update({ template: { template, columns: ['name', 'city'] }, scheduleAt: '2020-01-01T10:00' });
    await store.runPreview();
    expect(store.fieldError('scheduledAt')).toEqual({ key: 'campaigns.form.scheduleInPast' });

    store.update({ scheduleAt: '2999-01-01T10:00' });
    await store.runPreview();
    const form = sentBody(api.preview) as FormData;
    expect(JSON.parse(String(form.get('template')))).toEqual({
      name: 'promo',
      language: 'es',
      variables: ['{{name}}', '{{city}}'],
    });
    expect(form.get('content')).toBeNull();
    expect(form.get('scheduledAt')).toBe(new Date('2999-01-01T10:00').toISOString());
  });

  it('in file mode a missing file is the recipients error', async () => {
    store.update({ name: 'n', content: 'c', mode: 'file' });
    await store.runPreview();
    expect(store.fieldError('recipients')).toEqual({ key: 'campaigns.form.fileRequired' });
  });
});
