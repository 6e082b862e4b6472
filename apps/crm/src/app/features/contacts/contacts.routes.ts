import type { Routes } from '@angular/router';

export const contactsRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/contacts.page').then((m) => m.ContactsPage) },
  { path: ':contactId', loadComponent: () => import('./pages/contact.page').then((m) => m.ContactPage) },
];
