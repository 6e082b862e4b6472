import type { Routes } from '@angular/router';
import { MemberEditStore } from './data/member-edit.store';
import { NewMemberStore } from './data/new-member.store';
import { TeamSocket } from './data/team.socket';
import { TeamStore } from './data/team.store';

export const teamRoutes: Routes = [
  {
    path: '',
    providers: [TeamSocket, TeamStore, NewMemberStore, MemberEditStore],
    loadComponent: () => import('./pages/team.page').then((m) => m.TeamPage),
  },
];
