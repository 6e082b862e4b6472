import type { Env } from '../../config/config.schema';

/** What is limited. Each has a per-user budget (where a user is known) and a per-IP one. */
export type LimitedAction = 'writes' | 'joins' | 'typing' | 'uploads' | 'searches' | 'login' | 'widgetSessions';

/** `points` actions per `seconds`: a token bucket of `points`, refilled at `points / seconds`. */
export interface Budget {
  points: number;
  seconds: number;
}

export interface RateLimitPolicy {
  perUser: Budget | null;
  perIp: Budget;
}

/**
 * Every request limit in one place, from the environment (README: Configuration). Per-second
 * limits hold two seconds' worth, so they allow a burst of twice the rate; a client IP gets
 * `RATE_LIMIT_IP_MULTIPLIER` times a user's budget, since many people may share one address.
 */
export function rateLimitPolicies(env: Env): Record<LimitedAction, RateLimitPolicy> {
  const perSecond = (rate: number): RateLimitPolicy => ({
    perUser: { points: rate * 2, seconds: 2 },
    perIp: { points: rate * 2 * env.RATE_LIMIT_IP_MULTIPLIER, seconds: 2 },
  });
  return {
    writes: perSecond(env.RATE_LIMIT_MESSAGES_PER_SECOND),
    joins: perSecond(env.RATE_LIMIT_JOINS_PER_SECOND),
    typing: perSecond(env.RATE_LIMIT_TYPING_PER_SECOND),
    // Reads are not limited, but a search walks indexes where a page read looks rows up.
    searches: perSecond(env.RATE_LIMIT_SEARCHES_PER_SECOND),
    uploads: {
      perUser: { points: env.RATE_LIMIT_UPLOADS_PER_MINUTE, seconds: 60 },
      perIp: { points: env.RATE_LIMIT_UPLOADS_PER_MINUTE * env.RATE_LIMIT_IP_MULTIPLIER, seconds: 60 },
    },
    // Nobody is known before signing in or starting a chat: these count per address only.
    login: { perUser: null, perIp: { points: env.RATE_LIMIT_LOGIN_PER_MINUTE, seconds: 60 } },
    widgetSessions: { perUser: null, perIp: { points: env.RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE, seconds: 60 } },
  };
}
