import type { Routes } from '@angular/router';

export const dashboardRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/dashboard.page').then((m) => m.DashboardPage) },
];
