import { TestBed } from '@angular/core/testing';
import { REALTIME_SESSION } from '../../../core/realtime/realtime-session';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from '../../../core/realtime/realtime.config';
import { FakeManager } from '../../../core/realtime/testing/fake-socket-manager';
import { InboxApi } from '../../inbox/data/inbox.api';
import { conversation, flush } from '../../inbox/data/testing/chat-fixtures';
import { WidgetApi } from './widget.api';
import { WIDGET_STORAGE_KEY, WidgetStore } from './widget.store';

const contact = { id: 'contact-1', name: 'Carla', phone: null, email: null };

describe('WidgetStore', () => {
  let managers: FakeManager[];
  let api: { startSession: jest.Mock };

  function setUp() {
    managers = [];
    api = {
      startSession: jest
        .fn()
        .mockResolvedValue({ contactToken: 'contact-token', contact, conversation: conversation() }),
    };
    TestBed.configureTestingModule({
      providers: [
        WidgetStore,
        { provide: REALTIME_SESSION, useFactory: () => TestBed.inject(WidgetStore).realtimeSession },
        RealtimeService,
        { provide: WidgetApi, useValue: api },
        { provide: InboxApi, useValue: {} },
        {
          provide: SOCKET_MANAGER_FACTORY,
          useValue: (uri: string, options: never) => {
            const m = new FakeManager(uri, options);
            managers.push(m);
            return m;
          },
        },
        {
          provide: REALTIME_CONFIG,
          useValue: { backoff: { random: () => 0.5 }, offlineAfterFailedAttempts: 2, connectTimeoutMs: 10_000 },
        },
      ],
    });
  }

  beforeEach(() => localStorage.clear());

  it('keeps the session in localStorage so a reload restores the chat', async () => {
    setUp();
    await TestBed.inject(WidgetStore).start({ name: 'Carla' });
    expect(api.startSession).toHaveBeenCalledWith({ name: 'Carla' });
    expect(JSON.parse(localStorage.getItem(WIDGET_STORAGE_KEY) ?? '{}')).toEqual({
      contactToken: 'contact-token',
      contact,
      conversationId: 'c1',
    });

    TestBed.resetTestingModule();
    setUp();
    expect(TestBed.inject(WidgetStore).session()?.conversationId).toBe('c1');
  });

  it('connects the realtime service with the contact token, not the staff one', async () => {
    setUp();
    const realtime = TestBed.inject(RealtimeService);
    realtime.on('/chat', 'new_message').subscribe();
    TestBed.tick();
    expect(managers).toHaveLength(0);

    await TestBed.inject(WidgetStore).start({ name: 'Carla' });
    TestBed.tick();
    await flush();
    managers[0].completeOpen();
    expect(managers[0].sockets.get('/chat')?.handshakes).toEqual([{ token: 'contact-token' }]);
  });

  it('forgets the session when the server refuses the token', async () => {
    setUp();
    const store = TestBed.inject(WidgetStore);
    TestBed.inject(RealtimeService).on('/chat', 'new_message').subscribe();
    await store.start({ name: 'Carla' });
    TestBed.tick();
    managers[0].completeOpen();
    managers[0].sockets.get('/chat')?.rejectConnect('unauthorized');
    expect(store.session()).toBeNull();
    expect(store.expired()).toBe(true);
    expect(localStorage.getItem(WIDGET_STORAGE_KEY)).toBeNull();
  });
});
