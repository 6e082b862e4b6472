import { z } from 'zod';
import { text } from '../common/text.schema';

/** The longest comment any deployment may allow; `RATING_COMMENT_MAX_LENGTH` sets the one in force. */
export const MAX_RATING_COMMENT_LENGTH = 2_000;
export const csatScores = [1, 2, 3, 4, 5] as const;

export const csatScoreSchema = z.number().int().min(1).max(5);

/** POST /api/conversations/:id/rating: the customer's satisfaction with a closed conversation. */
export const rateConversationSchema = z.object({
  score: csatScoreSchema,
  comment: text().trim().max(MAX_RATING_COMMENT_LENGTH).nullish(),
});
export type RateConversation = z.infer<typeof rateConversationSchema>;

export const conversationRatingSchema = z.object({
  conversationId: z.uuid(),
  score: csatScoreSchema,
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type ConversationRating = z.infer<typeof conversationRatingSchema>;

/** How many ratings of each score (1 to 5, all five listed) this month. */
export const csatDistributionSchema = z
  .array(z.object({ score: csatScoreSchema, count: z.number().int() }))
  .max(csatScores.length);
export type CsatDistribution = z.infer<typeof csatDistributionSchema>;
