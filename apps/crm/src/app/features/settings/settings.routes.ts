import type { Routes } from '@angular/router';
import { BotSettingsStore } from './data/bot-settings.store';
import { ChannelStatusStore } from './data/channel-status.store';
import { SettingsSocket } from './data/settings.socket';
import { TemplatesStore } from './data/templates.store';

export const settingsRoutes: Routes = [
  {
    path: '',
    providers: [SettingsSocket, ChannelStatusStore, BotSettingsStore, TemplatesStore],
    loadComponent: () => import('./pages/settings.page').then((m) => m.SettingsPage),
  },
];
