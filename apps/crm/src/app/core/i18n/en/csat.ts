/** English text of the dashboard's customer satisfaction (CSAT) figures. */
export const csatEn = {
  'csat.title': 'Customer satisfaction',
  'csat.hint':
    'Ratings (1 to 5) customers gave their closed widget conversations this month; per agent, the agent the conversation was assigned to when rated.',
  'csat.average': 'Average rating',
  'csat.count': '{count} ratings this month',
  'csat.none': 'No ratings this month yet.',
  'csat.score': '{score} ★',
  'csat.scoreCount': '{score} stars: {count}',
  'csat.agentColumn': 'CSAT',
  'csat.agentHint': 'Average rating this month (how many ratings)',
} as const satisfies Record<string, string>;
