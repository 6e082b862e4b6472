import { z } from 'zod';
import { text } from '../common/text.schema';

/** The team's whole catalogue is listed at once, so it is bounded. */
export const MAX_LABELS = 200;
export const MAX_LABELS_PER_CONVERSATION = 20;
export const MAX_LABEL_NAME_LENGTH = 50;

/** Unique in the team, whatever the letter case. */
export const labelNameSchema = text().trim().min(1).max(MAX_LABEL_NAME_LENGTH);
/** `#rrggbb`, stored lower-case. */
export const labelColorSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb');

export const labelSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type Label = z.infer<typeof labelSchema>;

export const labelListSchema = z.object({ items: z.array(labelSchema) });
export type LabelList = z.infer<typeof labelListSchema>;

export const createLabelSchema = z.object({ name: labelNameSchema, color: labelColorSchema });
export type CreateLabel = z.infer<typeof createLabelSchema>;

export const updateLabelSchema = createLabelSchema
  .partial()
  .refine((l) => Object.keys(l).length > 0, 'change at least one of name and color');
export type UpdateLabel = z.infer<typeof updateLabelSchema>;

/** PUT /api/conversations/:id/labels: the conversation's labels from now on (an empty list removes them all). */
export const setConversationLabelsSchema = z.object({
  labelIds: z
    .array(z.uuid())
    .max(MAX_LABELS_PER_CONVERSATION)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'each label at most once'),
});
export type SetConversationLabels = z.infer<typeof setConversationLabelsSchema>;
