import { defineRoutes } from '../common/rest-route';
import { userSchema } from '../auth/auth.schema';
import { createUserRequestSchema, userListSchema } from './users.schema';

export const usersRoutes = defineRoutes({
  create: {
    method: 'POST',
    path: '/api/users',
    summary: 'Create a staff user',
    roles: ['admin'],
    body: createUserRequestSchema,
    response: userSchema,
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/api/users',
    summary: 'Staff users with their presence',
    roles: ['admin', 'supervisor'],
    response: userListSchema,
  },
});
