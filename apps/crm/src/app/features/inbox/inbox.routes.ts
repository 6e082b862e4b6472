import type { Routes } from '@angular/router';
import { LabelsStore } from '../labels/data/labels.store';
import { InboxCountsStore } from './data/inbox-counts.store';
import { InboxShortcuts } from './data/inbox-shortcuts';
import { InboxSocket } from './data/inbox.socket';
import { InboxStore } from './data/inbox.store';
import { SearchStore } from './data/search.store';
import { UnsentMessages } from './data/unsent-messages';

export const inboxRoutes: Routes = [
  {
    path: '',
    providers: [InboxSocket, InboxStore, InboxCountsStore, SearchStore, LabelsStore, InboxShortcuts, UnsentMessages],
    loadComponent: () => import('./pages/inbox.page').then((m) => m.InboxPage),
    children: [
      { path: '', loadComponent: () => import('./pages/inbox-placeholder.page').then((m) => m.InboxPlaceholderPage) },
      {
        path: ':conversationId',
        loadComponent: () => import('./pages/conversation.page').then((m) => m.ConversationPage),
      },
    ],
  },
];
