import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { CannedResponsesApi } from './canned-responses.api';
import { SEARCH_DEBOUNCE_MS, CannedResponsesStore } from './canned-responses.store';

const reply = (shortCode: string, content = `${shortCode} text`) => ({ id: `id-${shortCode}`, shortCode, content });
const apiError = (status: number, code: string, message: string, details?: { path: string; message: string }[]) =>
  new HttpErrorResponse({ status, error: { error: { code, message, ...(details ? { details } : {}) } } });

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('CannedResponsesStore', () => {
  let api: { list: jest.Mock; create: jest.Mock; update: jest.Mock; remove: jest.Mock };
  let store: CannedResponsesStore;

  beforeEach(async () => {
    jest.useFakeTimers();
    api = {
      list: jest.fn().mockResolvedValue({ items: [reply('bye'), reply('greeting')], nextCursor: null }),
      create: jest.fn(),
      update: jest.fn(),
      remove: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [CannedResponsesStore, { provide: CannedResponsesApi, useValue: api }],
    });
    store = TestBed.inject(CannedResponsesStore);
    await flush();
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('searches on the server once typing settles', async () => {
    api.list.mockClear();
    store.search('gre');
    store.search('gree');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    api.list.mockResolvedValueOnce({ items: [reply('greeting')], nextCursor: null });
    await flush();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.list).toHaveBeenCalledWith({ q: 'gree', limit: 50 });
  });

  it('creates a reply as the server stores it, and lists it in short-code order', async () => {
    store.startNew();
    store.update({ shortCode: ' /Hello ', content: ' Hola {{contact.name}} ' });
    api.create.mockResolvedValueOnce(reply('hello', 'Hola {{contact.name}}'));
    await store.save();
    expect(api.create).toHaveBeenCalledWith({ shortCode: 'hello', content: 'Hola {{contact.name}}' });
    expect(store.items()?.map((r) => r.shortCode)).toEqual(['bye', 'greeting', 'hello']);
    expect(store.editor()).toBeNull();
  });

  it('shows our own rules, then the server’s, beside each field', async () => {
    store.startNew();
    store.update({ shortCode: 'two words', content: '' });
    await store.save();
    expect(api.create).not.toHaveBeenCalled();
    expect(store.fieldError('shortCode')).toEqual({ key: 'canned.error.shortCode' });
    expect(store.fieldError('content')).toEqual({ key: 'canned.error.contentRequired' });

    store.update({ shortCode: 'bye', content: 'Adiós' });
    api.create.mockRejectedValueOnce(
      apiError(409, 'conflict', 'Another canned response has this short code', [
        { path: 'shortCode', message: 'already in use' },
      ]),
    );
    await store.save();
    expect(store.fieldError('shortCode')).toEqual({ text: 'Another canned response has this short code' });
    expect(store.saveError()).toBeNull();

    api.create.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid input', [{ path: 'content', message: 'Too long' }]),
    );
    store.update({ shortCode: 'bye2' });
    await store.save();
    expect(store.fieldError('content')).toEqual({ text: 'Too long' });
    expect(store.fieldError('shortCode')).toBeNull();
  });

  it('edits a reply in place', async () => {
    store.startEdit(reply('bye'));
    store.update({ content: 'Hasta luego' });
    api.update.mockResolvedValueOnce(reply('bye', 'Hasta luego'));
    await store.save();
    expect(api.update).toHaveBeenCalledWith('id-bye', { shortCode: 'bye', content: 'Hasta luego' });
    expect(store.items()?.find((r) => r.shortCode === 'bye')?.content).toBe('Hasta luego');
  });

  it('deletes after the confirmation; one already gone just leaves the list', async () => {
    store.askDelete('id-bye');
    api.remove.mockResolvedValueOnce(undefined);
    await store.remove('id-bye');
    expect(store.items()?.map((r) => r.shortCode)).toEqual(['greeting']);

    api.remove.mockRejectedValueOnce(apiError(404, 'not_found', 'No such canned response'));
    await store.remove('id-greeting');
    expect(store.items()).toEqual([]);
    expect(store.deleteError()).toBeNull();
  });
});
