import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Conversation } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import type { ComposerInput } from '../../../common/ui/chat/composer-suggestions';
import { CannedResponsesApi } from '../../canned-responses/data/canned-responses.api';
import type { ChatItem } from './chat-items';
import { ConversationStore } from './conversation.store';
import { InboxApi } from './inbox.api';
import { InboxSocket } from './inbox.socket';
import { StaffComposer } from './staff-composer';
import { conversation, flush, message } from './testing/chat-fixtures';

const ME = { id: 'u-me', name: 'Ana Admin', email: 'ana@example.com', role: 'admin' as const, active: true };
const reply = (shortCode: string, content: string) => ({ id: `id-${shortCode}`, shortCode, content });
const at = (text: string, note = false): ComposerInput => ({ text, caret: text.length, note });
const item = (m: ReturnType<typeof message>): ChatItem => ({
  key: m.id,
  message: m,
  mine: false,
  status: m.status,
  unsent: false,
  failureReason: null,
  refusedByWindow: false,
  retrying: false,
  retryError: null,
});

describe('StaffComposer', () => {
  let canned: { list: jest.Mock };
  let inboxApi: { assignableUsers: jest.Mock };
  let reconnects: Subject<void>;
  let role: 'admin' | 'agent';
  const open = signal<Conversation | null>(null);
  const items = signal<ChatItem[]>([]);

  function start(): StaffComposer {
    TestBed.configureTestingModule({
      providers: [
        StaffComposer,
        { provide: ConversationStore, useValue: { conversationId: signal('c1'), conversation: open, items } },
        {
          provide: AuthStore,
          useValue: { user: signal({ ...ME, role }), hasRole: (roles: string[]) => roles.includes(role) },
        },
        { provide: CannedResponsesApi, useValue: canned },
        { provide: InboxApi, useValue: inboxApi },
        { provide: InboxSocket, useValue: { connected$: () => reconnects } },
      ],
    });
    TestBed.inject(I18nService).setLanguage('en');
    const composer = TestBed.inject(StaffComposer);
    TestBed.tick();
    return composer;
  }

  beforeEach(() => {
    role = 'admin';
    reconnects = new Subject();
    open.set(conversation({ contact: { id: 'k1', name: 'Carla Pérez', email: 'carla@example.com', phone: null } }));
    items.set([]);
    canned = {
      list: jest.fn().mockResolvedValue({
        items: [
          reply('greet', 'Hola {{contact.name}}, soy {{agent.name}}'),
          reply('order', 'Tu pedido {{order.id}} sale hoy; te llamamos al {{contact.phone}}'),
        ],
        nextCursor: null,
      }),
    };
    inboxApi = {
      assignableUsers: jest.fn().mockResolvedValue([
        { ...ME, online: true },
        { id: 'u-bruno', name: 'Bruno Agent', email: 'b@example.com', role: 'agent', active: true, online: false },
        { id: 'u-gone', name: 'Gone Agent', email: 'g@example.com', role: 'agent', active: false, online: false },
        { id: 'u-mkt', name: 'Marta Marketer', email: 'm@example.com', role: 'marketer', active: true, online: false },
      ]),
    };
  });
  afterEach(() => TestBed.resetTestingModule());

  it('offers canned replies after a / with the variables filled from the conversation', async () => {
    const composer = start();
    await flush();
    const list = composer.assist()(at('Hi /gr'));
    expect(list).toMatchObject({ kind: 'canned', from: 3, to: 6 });
    expect(list?.items).toEqual([
      {
        id: 'id-greet',
        label: '/greet',
        detail: 'Hola Carla Pérez, soy Ana Admin',
        warning: null,
        insert: 'Hola Carla Pérez, soy Ana Admin',
      },
    ]);
  });

  it('says which variables stay as written', async () => {
    const composer = start();
    await flush();
    const [order] = composer.assist()(at('/ord'))?.items ?? [];
    expect(order.insert).toBe('Tu pedido {{order.id}} sale hoy; te llamamos al {{contact.phone}}');
    expect(order.warning).toBe('Stays as written (no value here): {{order.id}}, {{contact.phone}}');
  });

  it('says the replies are loading, then that nothing matches', async () => {
    canned.list.mockReturnValueOnce(new Promise(() => undefined));
    const composer = start();
    expect(composer.assist()(at('/x'))).toMatchObject({ items: [], empty: 'Loading canned replies…' });
    canned.list.mockResolvedValueOnce({ items: [reply('greet', 'Hola')], nextCursor: null });
    reconnects.next();
    await flush();
    expect(composer.assist()(at('/x'))).toMatchObject({
      items: [],
      empty: 'No canned reply has a short code with “x”.',
    });
  });

  it('reads every page of canned replies', async () => {
    canned.list
      .mockResolvedValueOnce({ items: [reply('a', 'A')], nextCursor: 'p2' })
      .mockResolvedValueOnce({ items: [reply('b', 'B')], nextCursor: null });
    const composer = start();
    await flush();
    expect(canned.list).toHaveBeenLastCalledWith({ limit: 100, cursor: 'p2' });
    expect(composer.canned()?.map((r) => r.shortCode)).toEqual(['a', 'b']);
  });

  it('offers colleagues after an @ only in a note: active staff who may see conversations, never the viewer', async () => {
    const composer = start();
    await flush();
    expect(composer.assist()(at('ask @'))).toBeNull();
    const list = composer.assist()(at('ask @', true));
    expect(list).toMatchObject({ kind: 'mention', from: 4, to: 5, title: 'Mention a colleague' });
    expect(list?.items).toEqual([{ id: 'u-bruno', label: 'Bruno Agent', insert: '@Bruno Agent ' }]);
    expect(composer.assist()(at('ask @Bruno Agent thanks', true))).toBeNull();
    // The viewer's own name is still highlighted when a colleague mentions them.
    expect(composer.mentionables().map((p) => p.name)).toEqual(['Ana Admin', 'Bruno Agent']);
  });

  it('offers an agent the staff who took part in the conversation (agents may not list users)', async () => {
    role = 'agent';
    open.set(conversation({ assignee: { id: 'u-sup', name: 'Sara Supervisor' } }));
    items.set([
      item(message(1)),
      item(message(2, { sender: { type: 'agent', id: 'u-bruno', name: 'Bruno Agent' }, private: true })),
      item(message(3, { sender: { type: 'agent', id: ME.id, name: ME.name } })),
    ]);
    const composer = start();
    await flush();
    expect(inboxApi.assignableUsers).not.toHaveBeenCalled();
    const list = composer.assist()(at('@', true));
    expect(list?.title).toBe('Mention a colleague from this conversation');
    expect(list?.items.map((i) => i.label)).toEqual(['Bruno Agent', 'Sara Supervisor']);
  });
});
