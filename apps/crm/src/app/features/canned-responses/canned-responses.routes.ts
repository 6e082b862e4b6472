import type { Routes } from '@angular/router';

export const cannedResponsesRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/canned-responses.page').then((m) => m.CannedResponsesPage) },
];
