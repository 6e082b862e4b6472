import { defineRoutes } from '../common/rest-route';
import { userSchema } from '../auth/auth.schema';
import { createUserRequestSchema, setUserPasswordRequestSchema, updateUserRequestSchema, userListSchema, userWithPresenceSchema } from './users.schema';

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
  update: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Rename, change the role, deactivate or reactivate a user (a role change or deactivation ends their sessions)',
    roles: ['admin'],
    body: updateUserRequestSchema,
    response: userWithPresenceSchema,
  },
  setPassword: {
    method: 'POST',
    path: '/api/users/:id/password',
    summary: "Set a user's password; every session of that user ends",
    roles: ['admin'],
    body: setUserPasswordRequestSchema,
    status: 204,
  },
});
