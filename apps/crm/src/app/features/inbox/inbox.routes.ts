import type { Routes } from '@angular/router';

export const inboxRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/inbox.page').then((m) => m.InboxPage) },
];
