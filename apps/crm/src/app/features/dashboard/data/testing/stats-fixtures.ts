import type { Stats, StatsCharts } from '@switchboard/contracts/types';

export function stats(overrides: Partial<Stats> = {}): Stats {
  return {
    unattended: 0,
    openConversations: 0,
    attendedThisMonth: 0,
    avgFirstResponseSeconds: null,
    firstResponseMedianSeconds: null,
    firstResponseP90Seconds: null,
    firstResponseCount: 0,
    agentsOnline: 0,
    messagesToday: 0,
    perAgent: [],
    csatAverage: null,
    csatCount: 0,
    csatDistribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: 0 })),
    botStatus: 'off',
    whatsappState: 'unknown',
    generatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function charts(overrides: Partial<StatsCharts> = {}): StatsCharts {
  return {
    conversationsPerHour: [{ hour: '2026-01-01T09:00:00.000Z', opened: 0, attended: 0 }],
    messagesPerMinute: [{ minute: '2026-01-01T09:59:00.000Z', count: 0 }],
    firstResponseDistribution: [
      { bucket: '<1m', count: 0 },
      { bucket: '1-5m', count: 0 },
      { bucket: '5-15m', count: 0 },
      { bucket: '15-60m', count: 0 },
      { bucket: '>1h', count: 0 },
    ],
    timeZone: 'Europe/Madrid',
    generatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}
