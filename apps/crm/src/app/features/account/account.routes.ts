import type { Routes } from '@angular/router';
import { ChangePasswordStore } from './data/change-password.store';

export const accountRoutes: Routes = [
  {
    path: '',
    providers: [ChangePasswordStore],
    loadComponent: () => import('./pages/account.page').then((m) => m.AccountPage),
  },
];
