import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Conversation } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import type { ComposerAssist } from '../../../common/ui/chat/composer-suggestions';
import { CONVERSATION_BACKEND } from '../data/conversation-backend';
import { ConversationStore } from '../data/conversation.store';
import { InboxSocket } from '../data/inbox.socket';
import { StaffComposer } from '../data/staff-composer';
import { UnsentMessages } from '../data/unsent-messages';
import { ME, conversation, flush, message } from '../data/testing/chat-fixtures';
import { ConversationThreadComponent } from './conversation-thread.component';

/** The thread with and without the staff tools: the widget provides none, the conversation page does. */
describe('ConversationThreadComponent: notes', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let fixture: ComponentFixture<ConversationThreadComponent>;

  const host = () => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement = HTMLElement>(testId: string) =>
    host().querySelector<T>(`[data-testid="${testId}"]`);
  const composer = () => q<HTMLTextAreaElement>('composer-input') as HTMLTextAreaElement;
  const settle = async () => {
    await flush();
    await fixture.whenStable();
  };
  const sends = () =>
    realtime
      .chat()
      .sent.filter((s) => s.event === 'chat_message')
      .map((s) => s.payload);

  async function start(staff: boolean, open: Partial<Conversation> = {}) {
    realtime = fakeRealtime();
    const assist: ComposerAssist = ({ text, caret, note }) =>
      note && text.endsWith('@')
        ? {
            kind: 'mention',
            from: caret - 1,
            to: caret,
            title: 'Mention',
            items: [{ id: 'u-b', label: 'Bruno Agent', insert: '@Bruno Agent ' }],
            empty: '',
          }
        : null;
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        // The WhatsApp template picker asks for the catalogue: nothing answers here.
        provideHttpClient(),
        provideHttpClientTesting(),
        InboxSocket,
        UnsentMessages,
        ConversationStore,
        { provide: AuthStore, useValue: { user: signal(ME) } },
        {
          provide: CONVERSATION_BACKEND,
          useValue: {
            viewer: signal(ME),
            conversation: jest.fn(),
            messages: jest.fn(() => new Promise(() => undefined)),
            upload: jest.fn(),
          },
        },
        ...(staff
          ? [
              {
                provide: StaffComposer,
                useValue: { assist: signal(assist), mentionables: signal([{ id: 'u-b', name: 'Bruno Agent' }]) },
              },
            ]
          : []),
      ],
    });
    TestBed.inject(I18nService).setLanguage('en');
    TestBed.inject(RealtimeService).on('/chat', 'presence_changed').subscribe();
    TestBed.tick();
    realtime.manager().connectAll();
    const store = TestBed.inject(ConversationStore);
    fixture = TestBed.createComponent(ConversationThreadComponent);
    store.open('c1');
    const messages = [
      message(1),
      message(2, { private: true, content: 'ping @Bruno Agent', sender: { type: 'agent', id: 'u-s', name: 'Sara' } }),
    ];
    realtime
      .chat()
      .lastSent('join_conversation')
      ?.ack?.({ ok: true, data: { conversation: conversation({ lastSeq: 2, ...open }), messages } });
    document.body.appendChild(host());
    await settle();
  }

  afterEach(() => {
    host().remove();
    TestBed.resetTestingModule();
  });

  it('offers no note switch and highlights nothing without the staff tools (the widget)', async () => {
    await start(false);
    expect(q('composer-mode-note')).toBeNull();
    expect(q('message-mention')).toBeNull();
  });

  it('sends a note, mention inserted from the list, with Ctrl+Enter as private', async () => {
    await start(true);
    expect(q('message-mention')?.textContent).toBe('@Bruno Agent');
    q('composer-mode-note')?.click();
    await settle();
    composer().focus();
    composer().value = 'ask @';
    composer().setSelectionRange(5, 5);
    composer().dispatchEvent(new Event('input'));
    await settle();
    composer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(composer().value).toBe('ask @Bruno Agent ');
    expect(sends()).toEqual([]);

    composer().dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    await settle();
    expect(sends()).toEqual([expect.objectContaining({ content: 'ask @Bruno Agent', private: true })]);
    const shown = Array.from(host().querySelectorAll('[data-testid="message"]')).at(-1);
    expect(shown?.classList.contains('note')).toBe(true);
  });

  it('lets a note be written on WhatsApp outside the 24-hour window, when replies are templates only', async () => {
    await start(true, { channel: 'whatsapp', windowExpiresAt: null });
    expect(composer().disabled).toBe(true);
    q('composer-mode-note')?.click();
    await settle();
    expect(composer().disabled).toBe(false);
  });

  it('quotes a message that is not loaded with the text its reply carries', async () => {
    await start(true);
    const reply = message(3, {
      content: 'yes, that one',
      replyToId: 'm-old',
      replyTo: { id: 'm-old', senderName: 'Ana Contact', excerpt: 'Is my order 4411 shipped?', deleted: false },
    });
    realtime.chat().serverEmit('new_message', { message: reply, conversation: conversation({ lastSeq: 3 }) });
    await settle();
    const quote = q('message-quote');
    expect(quote?.textContent).toContain('Ana Contact');
    expect(quote?.textContent).toContain('Is my order 4411 shipped?');
  });

  it('starts each conversation as a reply, whatever the last one was', async () => {
    await start(true);
    q('composer-mode-note')?.click();
    await settle();
    TestBed.inject(ConversationStore).open('c2');
    await settle();
    expect(q('composer-mode-reply')?.getAttribute('aria-pressed')).toBe('true');
  });
});
