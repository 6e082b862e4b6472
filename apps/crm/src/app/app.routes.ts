import { inject } from '@angular/core';
import type { Route } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guard';
import { AuthStore } from './core/auth/auth.store';
import { roleGuard } from './core/auth/role.guard';
import { homePathFor, rolesFor } from './core/layout/nav-items';
import { ShellComponent } from './core/layout/shell.component';

export const appRoutes: Route[] = [
  {
    // The customer web widget: public, embeddable in an iframe, outside the staff shell and login.
    path: 'widget',
    loadChildren: () => import('./features/widget/widget.routes').then((m) => m.widgetRoutes),
  },
  {
    path: 'login',
    canMatch: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: '',
    component: ShellComponent,
    canMatch: [authGuard],
    children: [
      {
        path: 'inbox',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/inbox') },
        loadChildren: () => import('./features/inbox/inbox.routes').then((m) => m.inboxRoutes),
      },
      {
        path: 'contacts',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/contacts') },
        loadChildren: () => import('./features/contacts/contacts.routes').then((m) => m.contactsRoutes),
      },
      {
        path: 'canned-responses',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/canned-responses') },
        loadChildren: () =>
          import('./features/canned-responses/canned-responses.routes').then((m) => m.cannedResponsesRoutes),
      },
      {
        path: 'dashboard',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/dashboard') },
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
      },
      {
        path: 'campaigns',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/campaigns') },
        loadChildren: () => import('./features/campaigns/campaigns.routes').then((m) => m.campaignsRoutes),
      },
      {
        path: 'team',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/team') },
        loadChildren: () => import('./features/team/team.routes').then((m) => m.teamRoutes),
      },
      {
        path: 'settings',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/settings') },
        loadChildren: () => import('./features/settings/settings.routes').then((m) => m.settingsRoutes),
      },
      {
        path: 'labels',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/labels') },
        loadChildren: () => import('./features/labels/labels.routes').then((m) => m.labelsRoutes),
      },
      {
        path: 'notifications',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/notifications') },
        loadChildren: () => import('./features/notifications/notifications.routes').then((m) => m.notificationsRoutes),
      },
      {
        path: 'account',
        canMatch: [roleGuard],
        data: { roles: rolesFor('/account') },
        loadChildren: () => import('./features/account/account.routes').then((m) => m.accountRoutes),
      },
      { path: '', pathMatch: 'full', redirectTo: () => homePathFor(inject(AuthStore).role()) },
      { path: '**', redirectTo: () => homePathFor(inject(AuthStore).role()) },
    ],
  },
  { path: '**', redirectTo: 'login' },
];
