import type { Routes } from '@angular/router';
import { CampaignsSocket } from './data/campaigns.socket';

/** /campaigns (list), /campaigns/new (create), /campaigns/:id (one campaign, live); one /bulk socket helper for all three. */
export const campaignsRoutes: Routes = [
  {
    path: '',
    providers: [CampaignsSocket],
    children: [
      { path: '', loadComponent: () => import('./pages/campaigns.page').then((m) => m.CampaignsPage) },
      { path: 'new', loadComponent: () => import('./pages/campaign-new.page').then((m) => m.CampaignNewPage) },
      { path: ':id', loadComponent: () => import('./pages/campaign-detail.page').then((m) => m.CampaignDetailPage) },
    ],
  },
];
