import { defineRoutes } from '../common/rest-route';
import {
  cannedResponsePageSchema,
  cannedResponseSchema,
  createCannedResponseSchema,
  listCannedResponsesQuerySchema,
  updateCannedResponseSchema,
} from './canned-responses.schema';

const staff = ['admin', 'supervisor', 'agent'] as const;

/** Team-wide replies: any agent, supervisor or admin reads and changes them. */
export const cannedResponsesRoutes = defineRoutes({
  listCannedResponses: {
    method: 'GET', path: '/api/canned-responses', roles: staff,
    summary: 'Canned replies by short code', query: listCannedResponsesQuerySchema, response: cannedResponsePageSchema,
  },
  createCannedResponse: {
    method: 'POST', path: '/api/canned-responses', roles: staff, status: 201,
    summary: 'Create a canned reply (short code taken: 409)', body: createCannedResponseSchema, response: cannedResponseSchema,
  },
  updateCannedResponse: {
    method: 'PATCH', path: '/api/canned-responses/:id', roles: staff,
    summary: 'Change a canned reply', body: updateCannedResponseSchema, response: cannedResponseSchema,
  },
  deleteCannedResponse: { method: 'DELETE', path: '/api/canned-responses/:id', roles: staff, status: 204, summary: 'Delete a canned reply' },
});
