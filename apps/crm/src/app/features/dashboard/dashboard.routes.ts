import type { Routes } from '@angular/router';
import { DashboardSocket } from './data/dashboard.socket';
import { DashboardStore } from './data/dashboard.store';

export const dashboardRoutes: Routes = [
  {
    path: '',
    providers: [DashboardSocket, DashboardStore],
    loadComponent: () => import('./pages/dashboard.page').then((m) => m.DashboardPage),
  },
];
