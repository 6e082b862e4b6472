import { TestBed } from '@angular/core/testing';
import { CONTACT_SEARCH_DEBOUNCE_MS, ContactsListStore } from './contacts-list.store';
import { ContactsApi } from './contacts.api';
import { contact, flush, networkError } from './testing/contact-fixtures';

describe('ContactsListStore', () => {
  let api: { list: jest.Mock };
  let store: ContactsListStore;

  beforeEach(() => {
    jest.useFakeTimers();
    api = { list: jest.fn().mockResolvedValue({ items: [contact()], nextCursor: 'next-1' }) };
    TestBed.configureTestingModule({ providers: [ContactsListStore, { provide: ContactsApi, useValue: api }] });
    store = TestBed.inject(ContactsListStore);
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('lists contacts by name, then the next page after the cursor', async () => {
    await flush();
    expect(api.list).toHaveBeenCalledWith({ q: undefined, limit: 30 });
    expect(store.items()?.map((c) => c.name)).toEqual(['Carla Pérez']);
    expect(store.hasMore()).toBe(true);

    api.list.mockResolvedValueOnce({ items: [contact({ id: 'k2', name: 'Diego' })], nextCursor: null });
    await store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith({ q: undefined, limit: 30, cursor: 'next-1' });
    expect(store.items()?.map((c) => c.name)).toEqual(['Carla Pérez', 'Diego']);
    expect(store.hasMore()).toBe(false);
  });

  it('searches once typing settles, and not for a query shorter than the contract allows', async () => {
    await flush();
    api.list.mockClear();
    store.search('c');
    jest.advanceTimersByTime(CONTACT_SEARCH_DEBOUNCE_MS);
    expect(api.list).not.toHaveBeenCalled();
    expect(store.tooShort()).toBe(true);

    store.search('ca');
    store.search('car');
    jest.advanceTimersByTime(CONTACT_SEARCH_DEBOUNCE_MS - 1);
    expect(api.list).not.toHaveBeenCalled();
    api.list.mockResolvedValueOnce({ items: [], nextCursor: null });
    jest.advanceTimersByTime(1);
    await flush();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.list).toHaveBeenCalledWith({ q: 'car', limit: 30 });
    expect(store.empty()).toBe(true);
    expect(store.searching()).toBe(true);
  });

  it('shows a failed load as an error, with the list back after Retry', async () => {
    await flush();
    api.list.mockRejectedValueOnce(networkError());
    await store.load();
    expect(store.error()).toBeTruthy();
    await store.load();
    expect(store.error()).toBeNull();
    expect(store.items()).toHaveLength(1);
  });
});
