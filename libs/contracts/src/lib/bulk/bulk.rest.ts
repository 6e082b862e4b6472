import { defineRoutes } from '../common/rest-route';
import {
  campaignPageSchema,
  campaignPreviewSchema,
  campaignSchema,
  createCampaignSchema,
  listCampaignsQuerySchema,
  recipientPageSchema,
  recipientsQuerySchema,
} from './bulk.schema';
import { roleGroups } from '../auth/role-groups';

/**
 * Create and preview also take `multipart/form-data`: the campaign settings as fields and a CSV
 * `file` with a `phone` column, an optional `name` column, and any other column as a variable.
 */
export const bulkRoutes = defineRoutes({
  create: {
    method: 'POST',
    path: '/api/bulk-campaigns',
    roles: roleGroups.campaigns,
    status: 201,
    summary: 'Create a campaign from JSON recipients or a CSV upload; it starts at once, or at `scheduledAt`',
    body: createCampaignSchema,
    response: campaignSchema,
  },
  preview: {
    method: 'POST',
    path: '/api/bulk-campaigns/preview',
    roles: roleGroups.campaigns,
    summary: 'Validate recipients and render the first messages without creating anything',
    body: createCampaignSchema,
    response: campaignPreviewSchema,
  },
  list: {
    method: 'GET',
    path: '/api/bulk-campaigns',
    roles: roleGroups.campaigns,
    summary: 'Campaigns, newest first',
    query: listCampaignsQuerySchema,
    response: campaignPageSchema,
  },
  get: {
    method: 'GET',
    path: '/api/bulk-campaigns/:id',
    roles: roleGroups.campaigns,
    summary: 'One campaign',
    response: campaignSchema,
  },
  recipients: {
    method: 'GET',
    path: '/api/bulk-campaigns/:id/recipients',
    roles: roleGroups.campaigns,
    summary: 'Recipients in upload order, optionally by status',
    query: recipientsQuerySchema,
    response: recipientPageSchema,
  },
  recipientsCsv: {
    method: 'GET',
    path: '/api/bulk-campaigns/:id/recipients.csv',
    roles: roleGroups.campaigns,
    summary: 'Recipients as CSV (phone, name, status, attempts, error), optionally by status',
  },
  skippedCsv: {
    method: 'GET',
    path: '/api/bulk-campaigns/:id/skipped.csv',
    roles: roleGroups.campaigns,
    summary: 'Upload rows left out at creation as CSV (row, phone, name, reason); formula-like cells are defused',
  },
  pause: {
    method: 'POST',
    path: '/api/bulk-campaigns/:id/pause',
    roles: roleGroups.campaigns,
    summary: 'Pause (sending stops within a second)',
    response: campaignSchema,
  },
  resume: {
    method: 'POST',
    path: '/api/bulk-campaigns/:id/resume',
    roles: roleGroups.campaigns,
    summary: 'Resume a paused campaign',
    response: campaignSchema,
  },
  cancel: {
    method: 'POST',
    path: '/api/bulk-campaigns/:id/cancel',
    roles: roleGroups.campaigns,
    summary: 'Cancel: nothing is sent after the answer',
    response: campaignSchema,
  },
});
