import { defineRoutes } from '../common/rest-route';
import { searchQuerySchema, searchResultSchema } from './search.schema';
import { roleGroups } from '../auth/role-groups';

export const searchRoutes = defineRoutes({
  search: {
    method: 'GET',
    path: '/api/search',
    roles: roleGroups.inbox,
    summary:
      'Messages, conversations and contacts matching q that the caller may see (private notes included for staff who see them)',
    query: searchQuerySchema,
    response: searchResultSchema,
  },
});
