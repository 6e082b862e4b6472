import { defineRoutes } from '../common/rest-route';
import { roleGroups } from '../auth/role-groups';
import { conversationRatingSchema, rateConversationSchema } from './csat.schema';

export const csatRoutes = defineRoutes({
  rateConversation: {
    method: 'POST',
    path: '/api/conversations/:id/rating',
    roles: roleGroups.customers,
    status: 201,
    summary:
      'The customer rates its closed conversation, once: {score 1..5, comment?} (409 when open or rated already)',
    body: rateConversationSchema,
    response: conversationRatingSchema,
  },
});
