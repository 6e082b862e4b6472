import { defineRoutes } from '../common/rest-route';
import { userSchema } from '../auth/auth.schema';
import {
  createUserRequestSchema,
  setUserPasswordRequestSchema,
  updateUserRequestSchema,
  userListSchema,
  userWithPresenceSchema,
} from './users.schema';
import { roleGroups } from '../auth/role-groups';

export const usersRoutes = defineRoutes({
  create: {
    method: 'POST',
    path: '/api/users',
    summary: 'Create a staff user',
    roles: roleGroups.admins,
    body: createUserRequestSchema,
    response: userSchema,
    status: 201,
  },
  list: {
    method: 'GET',
    path: '/api/users',
    summary: 'Staff users with their presence',
    roles: roleGroups.managers,
    response: userListSchema,
  },
  update: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary:
      'Rename, change the role, deactivate or reactivate a user (a role change or deactivation ends their sessions)',
    roles: roleGroups.admins,
    body: updateUserRequestSchema,
    response: userWithPresenceSchema,
  },
  setPassword: {
    method: 'POST',
    path: '/api/users/:id/password',
    summary: "Set a user's password; every session of that user ends",
    roles: roleGroups.admins,
    body: setUserPasswordRequestSchema,
    status: 204,
  },
});
