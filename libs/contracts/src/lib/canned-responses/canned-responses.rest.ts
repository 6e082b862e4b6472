import { defineRoutes } from '../common/rest-route';
import {
  cannedResponsePageSchema,
  cannedResponseSchema,
  createCannedResponseSchema,
  listCannedResponsesQuerySchema,
  updateCannedResponseSchema,
} from './canned-responses.schema';
import { roleGroups } from '../auth/role-groups';

/** Team-wide replies: any agent, supervisor or admin reads and changes them. */
export const cannedResponsesRoutes = defineRoutes({
  listCannedResponses: {
    method: 'GET',
    path: '/api/canned-responses',
    roles: roleGroups.inbox,
    summary: 'Canned replies by short code',
    query: listCannedResponsesQuerySchema,
    response: cannedResponsePageSchema,
  },
  createCannedResponse: {
    method: 'POST',
    path: '/api/canned-responses',
    roles: roleGroups.inbox,
    status: 201,
    summary: 'Create a canned reply (short code taken: 409)',
    body: createCannedResponseSchema,
    response: cannedResponseSchema,
  },
  updateCannedResponse: {
    method: 'PATCH',
    path: '/api/canned-responses/:id',
    roles: roleGroups.inbox,
    summary: 'Change a canned reply',
    body: updateCannedResponseSchema,
    response: cannedResponseSchema,
  },
  deleteCannedResponse: {
    method: 'DELETE',
    path: '/api/canned-responses/:id',
    roles: roleGroups.inbox,
    status: 204,
    summary: 'Delete a canned reply',
  },
});
