import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { REALTIME_SESSION } from '../../core/realtime/realtime-session';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { CONVERSATION_BACKEND } from '../inbox/data/conversation-backend';
import { InboxSocket } from '../inbox/data/inbox.socket';
import { UnsentMessages } from '../inbox/data/unsent-messages';
import { WidgetEmbedBridge } from './data/widget-embed.bridge';
import { WidgetStore } from './data/widget.store';

/**
 * The customer widget, outside the staff shell and its login: its own RealtimeService instance
 * connects with the contact token of WidgetStore (not the staff session), and the conversation
 * view reads and uploads with that token too.
 */
export const widgetRoutes: Routes = [
  {
    path: '',
    providers: [
      WidgetStore,
      { provide: REALTIME_SESSION, useFactory: () => inject(WidgetStore).realtimeSession },
      RealtimeService,
      InboxSocket,
      UnsentMessages,
      WidgetEmbedBridge,
      { provide: CONVERSATION_BACKEND, useFactory: () => inject(WidgetStore).backend },
    ],
    loadComponent: () => import('./pages/widget.page').then((m) => m.WidgetPage),
  },
];
