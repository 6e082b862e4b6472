import { defineRoutes } from '../common/rest-route';
import { changePasswordRequestSchema, loginRequestSchema, loginResponseSchema, userSchema } from './auth.schema';
import { roleGroups } from './role-groups';

export const authRoutes = defineRoutes({
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Exchange email and password for an access token (401 for an inactive account)',
    roles: 'public',
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in staff user',
    roles: roleGroups.staff,
    response: userSchema,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End this session: the token stops working at once, on REST and on its sockets',
    roles: roleGroups.everyone,
    status: 204,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change my password; every other session of mine ends',
    roles: roleGroups.staff,
    body: changePasswordRequestSchema,
    status: 204,
  },
});
