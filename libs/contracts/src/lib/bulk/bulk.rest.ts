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

const marketers = ['admin', 'marketer'] as const;

/**
 * Create and preview also take `multipart/form-data`: the campaign settings as fields and a CSV
 * `file` with a `phone` column, an optional `name` column, and any other column as a variable.
 */
export const bulkRoutes = defineRoutes({
  create: {
    method: 'POST', path: '/api/bulk-campaigns', roles: marketers, status: 201,
    summary: 'Create a campaign from JSON recipients or a CSV upload; it starts at once',
    body: createCampaignSchema, response: campaignSchema,
  },
  preview: {
    method: 'POST', path: '/api/bulk-campaigns/preview', roles: marketers,
    summary: 'Validate recipients and render the first messages without creating anything',
    body: createCampaignSchema, response: campaignPreviewSchema,
  },
  list: { method: 'GET', path: '/api/bulk-campaigns', roles: marketers, summary: 'Campaigns, newest first', query: listCampaignsQuerySchema, response: campaignPageSchema },
  get: { method: 'GET', path: '/api/bulk-campaigns/:id', roles: marketers, summary: 'One campaign', response: campaignSchema },
  recipients: {
    method: 'GET', path: '/api/bulk-campaigns/:id/recipients', roles: marketers,
    summary: 'Recipients in upload order, optionally by status', query: recipientsQuerySchema, response: recipientPageSchema,
  },
  recipientsCsv: {
    method: 'GET', path: '/api/bulk-campaigns/:id/recipients.csv', roles: marketers,
    summary: 'Recipients as CSV (phone, name, status, attempts, error), optionally by status',
  },
  pause: { method: 'POST', path: '/api/bulk-campaigns/:id/pause', roles: marketers, summary: 'Pause (sending stops within a second)', response: campaignSchema },
  resume: { method: 'POST', path: '/api/bulk-campaigns/:id/resume', roles: marketers, summary: 'Resume a paused campaign', response: campaignSchema },
  cancel: { method: 'POST', path: '/api/bulk-campaigns/:id/cancel', roles: marketers, summary: 'Cancel: nothing is sent after the answer', response: campaignSchema },
});
