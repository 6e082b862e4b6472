import { defineRoutes } from '../common/rest-route';
import { botSettingsQuerySchema, botSettingsSchema, updateBotSettingsSchema } from './bot.schema';
import { roleGroups } from '../auth/role-groups';

export const botRoutes = defineRoutes({
  getSettings: {
    method: 'GET',
    path: '/api/bot/settings',
    summary: 'The auto-responder: on/off, greeting, out-of-hours reply, business hours and hand-off',
    roles: roleGroups.managers,
    query: botSettingsQuerySchema,
    response: botSettingsSchema,
  },
  putSettings: {
    method: 'PUT',
    path: '/api/bot/settings',
    summary: 'Replace the auto-responder settings (switching it on or off pushes bot_status_changed on /stats)',
    roles: roleGroups.admins,
    body: updateBotSettingsSchema,
    response: botSettingsSchema,
  },
});
