import { TestBed } from '@angular/core/testing';
import { ContactDetailStore } from './contact-detail.store';
import { ContactsApi } from './contacts.api';
import { apiError, contact, contactDetail, flush, networkError } from './testing/contact-fixtures';

describe('ContactDetailStore', () => {
  let api: { get: jest.Mock; update: jest.Mock; merge: jest.Mock; list: jest.Mock };
  let store: ContactDetailStore;

  async function show(detail = contactDetail()) {
    api.get.mockResolvedValueOnce(detail);
    store.show(detail.id);
    await flush();
  }

  beforeEach(() => {
    api = { get: jest.fn(), update: jest.fn(), merge: jest.fn(), list: jest.fn() };
    TestBed.configureTestingModule({ providers: [ContactDetailStore, { provide: ContactsApi, useValue: api }] });
    store = TestBed.inject(ContactDetailStore);
  });
  afterEach(() => TestBed.resetTestingModule());

  it('loads the contact; a failed load is an error until Retry works', async () => {
    api.get.mockRejectedValueOnce(networkError());
    store.show('k1');
    await flush();
    expect(store.detail()).toBeUndefined();
    expect(store.error()).toBeTruthy();

    api.get.mockResolvedValueOnce(contactDetail());
    store.reload();
    await flush();
    expect(store.detail()?.name).toBe('Carla Pérez');
    expect(store.error()).toBeNull();
  });

  it('drops the answer for a contact no longer shown', async () => {
    let answerFirst: (d: unknown) => void = () => undefined;
    api.get.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
    store.show('k1');
    await show(contactDetail({ id: 'k2', name: 'Bruno' }));
    answerFirst(contactDetail());
    await flush();
    expect(store.detail()?.name).toBe('Bruno');
  });

  it('saves only what changed, clearing an emptied email, and shows the answer', async () => {
    await show();
    store.startEdit();
    store.update({ name: ' Carla P. ', email: '' });
    api.update.mockResolvedValueOnce(contactDetail({ name: 'Carla P.', email: null }));
    await store.save();
    expect(api.update).toHaveBeenCalledWith('k1', { name: 'Carla P.', email: null });
    expect(store.detail()?.name).toBe('Carla P.');
    expect(store.editing()).toBe(false);
  });

  it('refuses a bad draft before sending, and puts the server’s field errors beside their fields', async () => {
    await show();
    store.startEdit();
    store.update({ name: '  ', email: 'nope' });
    await store.save();
    expect(api.update).not.toHaveBeenCalled();
    expect(store.fieldError('name')).toEqual({ key: 'contacts.error.nameRequired' });
    expect(store.fieldError('email')).toEqual({ key: 'contacts.error.email' });

    store.update({ name: 'Carla', email: 'carla@exa.mple' });
    api.update.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid input', [{ path: 'email', message: 'Invalid email address' }]),
    );
    await store.save();
    expect(store.fieldError('email')).toEqual({ text: 'Invalid email address' });
    expect(store.editing()).toBe(true);
  });

  it('a phone another contact has (409) finds that contact and offers the merge, which waits for the confirmation', async () => {
    await show();
    store.startEdit();
    store.update({ phone: '+34 600 11 22 33' });
    api.update.mockRejectedValueOnce(
      apiError(409, 'conflict', 'Another contact has this phone number: merge the two instead', [
        { path: 'phone', message: 'another contact has it' },
      ]),
    );
    const owner = contact({ id: 'k9', name: 'Carla (WhatsApp)', email: null, phone: '+34600112233' });
    api.list.mockResolvedValueOnce({
      items: [contact({ id: 'k5', name: 'Someone', phone: '+34600112299' }), owner],
      nextCursor: null,
    });
    await store.save();

    expect(api.list).toHaveBeenCalledWith({ q: '34600112233', limit: 10 });
    expect(store.fieldError('phone')).toEqual({ text: 'Another contact has this phone number: merge the two instead' });
    expect(store.conflict()).toEqual({ field: 'phone', value: '+34 600 11 22 33', owner });
    expect(api.merge).not.toHaveBeenCalled();

    const shown = store.detail();
    if (!shown) throw new Error('nothing shown');
    store.askMerge({ source: shown, target: owner });
    const survivor = contactDetail({ id: 'k9', name: 'Carla (WhatsApp)', phone: '+34600112233' });
    api.merge.mockResolvedValueOnce(survivor);
    await store.confirmMerge();
    expect(api.merge).toHaveBeenCalledWith('k1', 'k9');
    expect(store.detail()).toEqual(survivor);
    expect(store.id()).toBe('k9');
    expect(store.editing()).toBe(false);
    expect(store.merge()).toBeNull();
  });

  it('says so when the phone belongs to a contact the viewer may not see', async () => {
    await show();
    store.startEdit();
    store.update({ phone: '+34 699' });
    api.update.mockRejectedValueOnce(
      apiError(409, 'conflict', 'Another contact has this phone number', [{ path: 'phone', message: 'x' }]),
    );
    api.list.mockResolvedValueOnce({ items: [], nextCursor: null });
    await store.save();
    expect(store.conflict()).toEqual({ field: 'phone', value: '+34 699', owner: null });
  });

  it('keeps the question open with the server’s reason when a merge is refused', async () => {
    await show(contactDetail({ duplicates: [contact({ id: 'k2', name: 'Carla bis' })] }));
    const shown = store.detail();
    if (!shown) throw new Error('nothing shown');
    store.askMerge({ source: shown.duplicates[0], target: shown });
    api.merge.mockRejectedValueOnce(
      apiError(409, 'conflict', 'The two contacts have different phone numbers: correct or clear one first'),
    );
    await store.confirmMerge();
    expect(api.merge).toHaveBeenCalledWith('k2', 'k1');
    expect(store.merge()).not.toBeNull();
    expect(store.mergeError()).toBeTruthy();
    expect(store.detail()).toBe(shown);
  });

  it('reads the contact again on refresh without hiding it, and keeps it when that fails', async () => {
    await show();
    api.get.mockRejectedValueOnce(networkError());
    await store.refresh();
    expect(store.detail()?.name).toBe('Carla Pérez');
    api.get.mockResolvedValueOnce(contactDetail({ name: 'Carla Renamed' }));
    await store.refresh();
    expect(store.detail()?.name).toBe('Carla Renamed');
  });
});
