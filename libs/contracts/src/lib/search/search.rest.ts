import { defineRoutes } from '../common/rest-route';
import { searchQuerySchema, searchResultSchema } from './search.schema';

export const searchRoutes = defineRoutes({
  search: {
    method: 'GET', path: '/api/search', roles: ['admin', 'supervisor', 'agent'],
    summary: 'Messages, conversations and contacts matching q that the caller may see (private notes included for staff who see them)',
    query: searchQuerySchema, response: searchResultSchema,
  },
});
