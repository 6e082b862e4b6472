import { defineRoutes } from '../common/rest-route';
import { botSettingsSchema, updateBotSettingsSchema } from './bot.schema';

export const botRoutes = defineRoutes({
  getSettings: {
    method: 'GET',
    path: '/api/bot/settings',
    summary: 'The auto-responder: on/off, greeting, out-of-hours reply, business hours and hand-off',
    roles: ['admin', 'supervisor'],
    response: botSettingsSchema,
  },
  putSettings: {
    method: 'PUT',
    path: '/api/bot/settings',
    summary: 'Replace the auto-responder settings (switching it on or off pushes bot_status_changed on /stats)',
    roles: ['admin'],
    body: updateBotSettingsSchema,
    response: botSettingsSchema,
  },
});
