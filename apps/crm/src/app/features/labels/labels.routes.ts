import type { Routes } from '@angular/router';

export const labelsRoutes: Routes = [
  { path: '', loadComponent: () => import('./pages/labels.page').then((m) => m.LabelsPage) },
];
