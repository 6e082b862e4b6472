import type { Routes } from '@angular/router';

export const authRoutes: Routes = [
  { path: '', title: 'Switchboard', loadComponent: () => import('./pages/login.page').then((m) => m.LoginPage) },
];
