import { defineRoutes } from '../common/rest-route';
import { loginRequestSchema, loginResponseSchema, userSchema, staffRoles } from './auth.schema';

export const authRoutes = defineRoutes({
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Exchange email and password for an access token',
    roles: 'public',
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in staff user',
    roles: staffRoles,
    response: userSchema,
  },
});
