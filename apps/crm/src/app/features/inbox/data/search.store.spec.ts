import { TestBed } from '@angular/core/testing';
import type { SearchResult } from '@switchboard/contracts/types';
import { InboxApi } from './inbox.api';
import { SEARCH_DEBOUNCE_MS, SEARCH_LIMIT, SearchStore } from './search.store';
import { conversation, flush, message } from './testing/chat-fixtures';

const hit = (text: string): SearchResult => ({
  conversations: [],
  messages: [
    { message: message(7, { content: text }), conversation: conversation(), snippet: { text, highlights: [[0, 4]] } },
  ],
  contacts: [],
});
const nothing: SearchResult = { conversations: [], messages: [], contacts: [] };

describe('SearchStore', () => {
  let api: { search: jest.Mock };
  let store: SearchStore;

  beforeEach(() => {
    jest.useFakeTimers();
    api = { search: jest.fn() };
    TestBed.configureTestingModule({ providers: [SearchStore, { provide: InboxApi, useValue: api }] });
    store = TestBed.inject(SearchStore);
  });

  afterEach(() => jest.useRealTimers());

  it('searches once typing pauses, with the trimmed query', async () => {
    api.search.mockResolvedValue(hit('pedido retrasado'));
    store.type('pe');
    store.type('ped');
    store.type(' pedido ');
    expect(store.loading()).toBe(true);
    expect(api.search).not.toHaveBeenCalled();
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith('pedido', SEARCH_LIMIT);
    expect(store.results()?.messages[0].snippet.text).toBe('pedido retrasado');
    expect(store.loading()).toBe(false);
  });

  it('does not search under two characters, and shows no old results for them', async () => {
    api.search.mockResolvedValue(hit('hola'));
    store.type('hola');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    store.type(' h ');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(store.query()).toBeNull();
    expect(store.results()).toBeNull();
    expect(store.loading()).toBe(false);
  });

  it('drops the answer to an older query that arrives after the newer one', async () => {
    let answerOld: (r: SearchResult) => void = () => undefined;
    api.search.mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve))).mockResolvedValueOnce(hit('nuevo'));
    store.type('viejo');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    store.type('nuevo');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    answerOld(hit('viejo'));
    await flush();
    expect(store.results()?.messages[0].snippet.text).toBe('nuevo');
  });

  it('says when nothing matches', async () => {
    api.search.mockResolvedValue(nothing);
    store.type('zzzz');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(store.empty()).toBe(true);
  });

  it('keeps a failure for the query it answers, and tries it again on retry', async () => {
    api.search.mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(hit('pedido'));
    store.type('pedido');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(store.error()).toBeTruthy();
    expect(store.results()).toBeNull();
    store.retry();
    expect(store.loading()).toBe(true);
    await flush();
    expect(store.error()).toBeNull();
    expect(store.results()?.messages).toHaveLength(1);
  });
});
