import { defineRoutes } from '../common/rest-route';
import { conversationSchema } from '../chat/chat.schema';
import {
  createLabelSchema,
  labelListSchema,
  labelSchema,
  setConversationLabelsSchema,
  updateLabelSchema,
} from './labels.schema';
import { roleGroups } from '../auth/role-groups';

export const labelsRoutes = defineRoutes({
  listLabels: {
    method: 'GET',
    path: '/api/labels',
    roles: roleGroups.inbox,
    summary: 'Every label of the team, by name',
    response: labelListSchema,
  },
  createLabel: {
    method: 'POST',
    path: '/api/labels',
    roles: roleGroups.managers,
    status: 201,
    summary: 'Create a label (name unique whatever the case: 409; at most MAX_LABELS: 409)',
    body: createLabelSchema,
    response: labelSchema,
  },
  updateLabel: {
    method: 'PATCH',
    path: '/api/labels/:id',
    roles: roleGroups.managers,
    summary: 'Rename or recolour a label',
    body: updateLabelSchema,
    response: labelSchema,
  },
  deleteLabel: {
    method: 'DELETE',
    path: '/api/labels/:id',
    roles: roleGroups.managers,
    status: 204,
    summary: 'Delete a label (it leaves every conversation)',
  },
  setConversationLabels: {
    method: 'PUT',
    path: '/api/conversations/:id/labels',
    roles: roleGroups.inbox,
    summary: "Replace a conversation's labels (who may see the conversation); pushes conversation_updated",
    body: setConversationLabelsSchema,
    response: conversationSchema,
  },
});
