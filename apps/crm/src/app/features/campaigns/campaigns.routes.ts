import type { Routes } from '@angular/router';

export const campaignsRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/campaigns.page').then((m) => m.CampaignsPage) },
];
