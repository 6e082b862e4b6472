import { provideRouter } from '@angular/router';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { SearchResult } from '@switchboard/contracts/types';
import { ApiError } from '../../../core/http/api-error';
import { InboxApi } from '../data/inbox.api';
import { SEARCH_DEBOUNCE_MS, SearchStore } from '../data/search.store';
import { CONTACT, conversation, flush, message } from '../data/testing/chat-fixtures';
import { InboxSearchComponent } from './inbox-search.component';

const HOSTILE = '<img src=x onerror="window.hacked=1"> el pedido <b>llegó</b>';

const results = (): SearchResult => ({
  conversations: [
    conversation({ id: 'c-conv', subject: 'Pedido 1042', labels: [{ id: 'l1', name: 'VIP', color: '#e5484d' }] }),
  ],
  messages: [
    {
      message: message(42, { conversationId: 'c-msg', content: HOSTILE }),
      conversation: conversation({ id: 'c-msg' }),
      snippet: { text: HOSTILE, highlights: [[41, 47]] },
    },
  ],
  contacts: [{ ...CONTACT, email: 'carla@example.com' }],
});

describe('InboxSearchComponent', () => {
  let api: { search: jest.Mock };
  let fixture: ComponentFixture<InboxSearchComponent>;

  const el = () => fixture.nativeElement as HTMLElement;
  const all = (testId: string) => Array.from(el().querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const box = () => el().querySelector<HTMLInputElement>('[data-testid="inbox-search-input"]') as HTMLInputElement;
  async function search(text: string) {
    box().dispatchEvent(new Event('focus'));
    box().value = text;
    box().dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    jest.useFakeTimers();
    api = { search: jest.fn(async () => results()) };
    TestBed.configureTestingModule({
      imports: [InboxSearchComponent],
      providers: [provideRouter([]), SearchStore, { provide: InboxApi, useValue: api }],
    });
    fixture = TestBed.createComponent(InboxSearchComponent);
    fixture.componentRef.setInput('now', new Date('2026-01-01T12:00:00.000Z'));
    fixture.componentRef.setInput('viewParams', { tab: 'mine', label: null });
    fixture.detectChanges();
  });

  afterEach(() => jest.useRealTimers());

  it('groups what it found: conversations, messages and contacts', async () => {
    await search('pedido');
    expect(all('search-conversation')).toHaveLength(1);
    expect(all('search-conversation')[0].textContent).toContain('Pedido 1042');
    expect(all('search-conversation')[0].querySelector('[data-testid="label-chip"]')?.textContent).toBe('VIP');
    expect(all('search-message')).toHaveLength(1);
    expect(all('search-contact')[0].textContent).toContain('carla@example.com');
  });

  it("marks what matched in a message's excerpt and shows the server's text as text, never as markup", async () => {
    await search('pedido');
    const hit = all('search-message')[0];
    expect(hit.querySelector('img')).toBeNull();
    expect(hit.querySelector('b')).toBeNull();
    expect(Array.from(hit.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['pedido']);
    expect(hit.textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it("opens a message's conversation at that message, keeping the list's view", async () => {
    await search('pedido');
    const href = all('search-message')[0].getAttribute('href');
    expect(href).toBe('/inbox/c-msg?tab=mine&seq=42');
    expect(all('search-conversation')[0].getAttribute('href')).toBe('/inbox/c-conv?tab=mine');
  });

  it('a contact opens their page; the words can narrow the list instead', async () => {
    const narrow = jest.fn();
    fixture.componentInstance.narrowList.subscribe(narrow);
    await search('  carla ');
    expect(all('search-contact')[0].getAttribute('href')).toBe(`/contacts/${CONTACT.id}`);
    all('search-narrow-list')[0].click();
    fixture.detectChanges();
    expect(narrow).toHaveBeenCalledWith('carla');
    expect(all('search-results')).toHaveLength(0);
  });

  it('says it is searching, then that nothing matched', async () => {
    api.search.mockResolvedValue({ conversations: [], messages: [], contacts: [] });
    box().dispatchEvent(new Event('focus'));
    box().value = 'zzz';
    box().dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(all('search-loading')).toHaveLength(1);
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await flush();
    fixture.detectChanges();
    expect(all('search-empty')[0].textContent).toContain('zzz');
  });

  it('says the search needs the connection when the server cannot be reached, with a way to try again', async () => {
    api.search.mockRejectedValueOnce(new ApiError('network', '', 0));
    await search('pedido');
    const error = all('search-error')[0];
    expect(error.textContent).toContain('connection');
    error.querySelector('button')?.click();
    await flush();
    fixture.detectChanges();
    expect(all('search-message')).toHaveLength(1);
  });

  it('folds away with Escape', async () => {
    await search('pedido');
    box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    fixture.detectChanges();
    expect(all('search-results')).toHaveLength(0);
  });
});
