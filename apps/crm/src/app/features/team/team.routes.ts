import type { Routes } from '@angular/router';
import { NewMemberStore } from './data/new-member.store';
import { TeamSocket } from './data/team.socket';
import { TeamStore } from './data/team.store';

export const teamRoutes: Routes = [
  {
    path: '',
    providers: [TeamSocket, TeamStore, NewMemberStore],
    loadComponent: () => import('./pages/team.page').then((m) => m.TeamPage),
  },
];
