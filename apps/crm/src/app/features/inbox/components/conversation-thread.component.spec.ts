import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Message } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { ApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { CONVERSATION_BACKEND } from '../data/conversation-backend';
import { ConversationStore } from '../data/conversation.store';
import { InboxSocket } from '../data/inbox.socket';
import { UnsentMessages } from '../data/unsent-messages';
import { ME, conversation, flush, message } from '../data/testing/chat-fixtures';
import { ConversationThreadComponent } from './conversation-thread.component';

describe('ConversationThreadComponent', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let upload: jest.Mock;
  let store: ConversationStore;
  let fixture: ComponentFixture<ConversationThreadComponent>;

  const host = () => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement = HTMLElement>(testId: string) =>
    host().querySelector<T>(`[data-testid="${testId}"]`);
  const composer = () => {
    const input = q<HTMLTextAreaElement>('composer-input');
    if (!input) throw new Error('no composer');
    return input;
  };
  const separators = () =>
    Array.from(host().querySelectorAll('[data-testid="day-separator"]'), (el) => el.textContent?.trim());
  const settle = async () => {
    await flush();
    await fixture.whenStable();
  };

  /** Shows `id` as the page does when the route changes, and answers its join with `messages`. */
  async function open(id: string, messages: Message[] = [message(1, { conversationId: id })]) {
    store.open(id);
    realtime
      .chat()
      .lastSent('join_conversation')
      ?.ack?.({ ok: true, data: { conversation: conversation({ id, lastSeq: messages.length }), messages } });
    await settle();
  }

  async function type(text: string) {
    composer().value = text;
    composer().dispatchEvent(new Event('input'));
    await settle();
  }

  async function pickFile() {
    const input = q<HTMLInputElement>('attach-input');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })],
    });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  beforeEach(async () => {
    realtime = fakeRealtime();
    upload = jest.fn(() =>
      Promise.reject(new ApiError('validation_failed', 'Files of type application/x-msdownload are not allowed', 400)),
    );
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
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
            upload,
          },
        },
      ],
    });
    TestBed.inject(I18nService).setLanguage('en');
    TestBed.inject(RealtimeService).on('/chat', 'presence_changed').subscribe();
    TestBed.tick();
    realtime.manager().connectAll();
    store = TestBed.inject(ConversationStore);
    fixture = TestBed.createComponent(ConversationThreadComponent);
    await open('c1');
  });

  describe('day separators', () => {
    const at = (date: Date) => date.toISOString();
    const now = new Date();
    const today = (hour: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour);
    const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 17, 23);
    const older = new Date(2020, 2, 5, 9, 0);
    const thread = [older, new Date(2020, 2, 5, 18, 0), yesterday, today(0), today(0)].map((date, i) =>
      message(i + 1, { conversationId: 'c2', createdAt: at(date) }),
    );

    it('head each day of the thread: the date for older days, then Yesterday and Today', async () => {
      await open('c2', thread);
      expect(separators()).toEqual(['Thursday, March 5, 2020', 'Yesterday', 'Today']);
      // Each one sits right above the first message of its day.
      const order = Array.from(
        host().querySelectorAll('[data-testid="day-separator"], [data-testid="message"]'),
        (el) => (el.getAttribute('data-testid') === 'message' ? el.getAttribute('data-seq') : el.textContent?.trim()),
      );
      expect(order).toEqual(['Thursday, March 5, 2020', '1', '2', 'Yesterday', '3', 'Today', '4', '5']);
    });

    it('follow the language', async () => {
      await open('c2', thread);
      TestBed.inject(I18nService).setLanguage('es');
      await settle();
      expect(separators()).toEqual(['jueves, 5 de marzo de 2020', 'Ayer', 'Hoy']);
    });
  });

  describe('the attachment error', () => {
    it('can be dismissed', async () => {
      await pickFile();
      expect(q('upload-error')?.textContent).toContain('This file type is not allowed.');

      q('upload-error-dismiss')?.click();
      await settle();
      expect(q('upload-error')).toBeNull();
    });

    it('goes away when the user sends a message', async () => {
      await pickFile();
      await type('Te lo mando por correo');
      composer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await settle();
      expect(realtime.chat().lastSent('chat_message')?.payload).toEqual(
        expect.objectContaining({ content: 'Te lo mando por correo' }),
      );
      expect(q('upload-error')).toBeNull();
    });

    it('is replaced by the outcome of the next file picked', async () => {
      await pickFile();
      q('upload-error-dismiss')?.click();
      await pickFile();
      expect(upload).toHaveBeenCalledTimes(2);
      expect(q('upload-error')).not.toBeNull();
    });
  });

  it('keeps an unsent draft per conversation and brings it back on return', async () => {
    await type('Le escribo a c1');
    await open('c2');
    expect(composer().value).toBe('');

    await type('Y otro para c2');
    await open('c1');
    expect(composer().value).toBe('Le escribo a c1');
    await open('c2');
    expect(composer().value).toBe('Y otro para c2');
  });

  it('forgets a draft once it is sent', async () => {
    await type('Enviado');
    composer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    await open('c2');
    await open('c1');
    expect(composer().value).toBe('');
  });
});
