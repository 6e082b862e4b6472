import { z } from 'zod';
import { MAX_RATING_COMMENT_LENGTH } from '@switchboard/contracts';

const intFrom = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const commaList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins like https://crm.example.com' })));

/** The environment, as the README's configuration table lists it. */
export const envSchema = z
  .object({
    PORT: intFrom(0, 65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./.data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    /** Connections to PostgreSQL this node keeps at most (the writer, pushes' reads, jobs and requests share them). */
    DATABASE_POOL_MAX: intFrom(2, 500).default(20),
    /**
     * An idle pooled connection is closed after this long (0: never). Closing and reopening a
     * PostgreSQL backend is costly: a pool that shrinks after every burst makes the database
     * spend a core on ending backends just when the next burst comes.
     */
    DATABASE_POOL_IDLE_SECONDS: intFrom(0, 86_400).default(600),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
    /** Namespaces every Redis key and channel, so two deployments (or test runs) can share one Redis. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
      .default('sb'),
    /** A node that has not refreshed its presence for this long is taken for dead and its users go offline. */
    PRESENCE_NODE_TIMEOUT_SECONDS: intFrom(3, 300).default(15),
    /** Presence changes are gathered this long and pushed to staff together (0: each at once). */
    PRESENCE_PUSH_WINDOW_MS: intFrom(0, 2_000).default(100),
    /** How often each node sends itself a message through the Socket.IO Redis adapter (health `realtime`). */
    REALTIME_CANARY_INTERVAL_MS: intFrom(100, 600_000).default(5_000),
    /** A socket whose unsent output passes this (a client that stopped reading) is disconnected. */
    SOCKET_MAX_BUFFERED_BYTES: intFrom(64 * 1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
    /** Which proxies' X-Forwarded-For is believed for the client IP (express "trust proxy"). */
    TRUST_PROXY: z
      .string()
      .min(1)
      .default('loopback')
      .transform((v): boolean | number | string =>
        v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
      ),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: intFrom(60, 60 * 60 * 24 * 30).default(60 * 60 * 12),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    CORS_ORIGINS: commaList.default([]),
    /** Per user, across all their sockets and REST calls: chat_message and every other write (burst 2×). */
    RATE_LIMIT_MESSAGES_PER_SECOND: intFrom(1, 100_000).default(10),
    /** Per user: join_conversation (burst 2×). */
    RATE_LIMIT_JOINS_PER_SECOND: intFrom(1, 100_000).default(5),
    /** Per user: typing (burst 2×). */
    RATE_LIMIT_TYPING_PER_SECOND: intFrom(1, 100_000).default(5),
    /** Per user: file uploads. */
    RATE_LIMIT_UPLOADS_PER_MINUTE: intFrom(1, 100_000).default(30),
    /** Per user: searches (GET /api/search, GET /api/contacts) (burst 2×). */
    RATE_LIMIT_SEARCHES_PER_SECOND: intFrom(1, 100_000).default(5),
    /** The longest one search may run in PostgreSQL before it is cancelled (400, "too broad"). */
    SEARCH_TIMEOUT_MS: intFrom(100, 600_000).default(5_000),
    /** Per client IP, every per-user limit times this (an office's shared address carries many users). */
    RATE_LIMIT_IP_MULTIPLIER: intFrom(1, 100_000).default(100),
    /**
     * With Redis, the share (%) of a request budget a node claims at once and then spends without
     * asking Redis; 0 asks Redis for every point. Unspent leases can make other nodes refuse early.
     */
    RATE_LIMIT_NODE_LEASE_PERCENT: intFrom(0, 25).default(5),
    /** Failed logins in a row an account gets before each further attempt waits (1 s, doubling). */
    LOGIN_FAILURES_BEFORE_BACKOFF: intFrom(1, 1_000).default(5),
    /** The longest wait the per-account login backoff imposes. */
    LOGIN_BACKOFF_MAX_SECONDS: intFrom(1, 86_400).default(900),
    /** JSON request bodies larger than this are refused (413) before they are parsed. */
    MAX_JSON_BODY_BYTES: intFrom(1_024, 1024 * 1024 * 1024).default(1024 * 1024),
    /** The one larger JSON body: a campaign's recipient list (read only after the caller is authenticated). */
    MAX_CAMPAIGN_JSON_BODY_BYTES: intFrom(1_024, 1024 * 1024 * 1024).default(25 * 1024 * 1024),
    /** A CSV of campaign recipients. */
    MAX_CSV_UPLOAD_BYTES: intFrom(1_024, 1024 * 1024 * 1024).default(20 * 1024 * 1024),
    /** A customer's comment with its rating of a conversation, in characters. */
    RATING_COMMENT_MAX_LENGTH: intFrom(1, MAX_RATING_COMMENT_LENGTH).default(1_000),
    /** One attachment. */
    MAX_UPLOAD_BYTES: intFrom(1_024, 1024 * 1024 * 1024).default(10 * 1024 * 1024),
    /** Bytes of uploads a user may hold that no message carries yet. */
    UPLOAD_QUOTA_BYTES_PER_USER: intFrom(1_024, 1024 * 1024 * 1024 * 1024).default(100 * 1024 * 1024),
    /** An upload no message carries after this long is deleted. */
    UPLOAD_UNREFERENCED_TTL_HOURS: intFrom(1, 24 * 365).default(24),
    /** How long an attachment link in a message works (links are renewed whenever messages are read). */
    ATTACHMENT_URL_TTL_SECONDS: intFrom(60, 60 * 60 * 24 * 30).default(60 * 60 * 12),
    /** One Socket.IO message (a chat message of 10,000 characters in UTF-8 plus its envelope fits well under the default). */
    MAX_SOCKET_PAYLOAD_BYTES: intFrom(1_024, 64 * 1024 * 1024).default(256 * 1024),
    /** Sites that may show the web widget in a frame (CSP frame-ancestors); the app itself may be framed by none. */
    WIDGET_FRAME_ANCESTORS: z
      .string()
      .default('*')
      .transform((s) => s.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(\*|'self'|https?:\/\/[^\s;,']+)$/,
              "must list origins like https://shop.example (or * or 'self'), separated by commas",
            ),
        ),
      ),
    /** Under load, how long the oldest queued message may wait for others to share its transaction. */
    MESSAGE_WRITE_LINGER_MS: intFrom(0, 1_000).default(5),
    /** How many sends queued behind a batch mean load worth lingering for; fewer are written at once. */
    MESSAGE_WRITE_LINGER_FROM: intFrom(1, 64).default(8),
    /** How often new messages' search entries are merged into the index, off the writes' path; 0: by the writes themselves. */
    SEARCH_INDEX_CLEANUP_MS: intFrom(0, 600_000).default(1_000),
    RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: intFrom(1, 100_000).default(30),
    RATE_LIMIT_LOGIN_PER_MINUTE: intFrom(1, 100_000).default(10),
    CHANNEL_PROVIDER: z.enum(['sandbox', 'cloud-api']).default('sandbox'),
    /** Sends per second the channel allows this node in all (Meta's default for a number is 80). */
    BULK_CHANNEL_RATE_PER_SECOND: intFrom(1, 1_000_000).default(80),
    /** Campaigns one node sends at the same time; more wait queued. */
    BULK_WORKERS: intFrom(1, 64).default(4),
    /** How often a node looks for unfinished campaigns nobody is running (after a crash). */
    BULK_SUPERVISE_SECONDS: intFrom(1, 3600).default(5),
    /** How old the figures GET /api/stats answers with right after a change may be (new ones follow by push); 0: always current. */
    STATS_REST_STALE_MS: intFrom(0, 5_000).default(1_000),
    /** How far ahead a campaign may be scheduled. */
    BULK_MAX_SCHEDULE_DAYS: intFrom(1, 3650).default(90),
    STATS_TIME_ZONE: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid')
      .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    WHATSAPP_VERIFY_TOKEN: z.string().optional(),
    WHATSAPP_APP_SECRET: z.string().optional(),
    WHATSAPP_TOKEN: z.string().optional(),
    WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
    WHATSAPP_API_URL: z.url().default('https://graph.facebook.com/v21.0'),
    /** Cloud API calls: per-attempt timeout, attempts per send (429/5xx/network), first backoff (doubles). */
    WHATSAPP_TIMEOUT_MS: intFrom(100, 120_000).default(10_000),
    WHATSAPP_MAX_ATTEMPTS: intFrom(1, 10).default(3),
    WHATSAPP_RETRY_BASE_MS: intFrom(0, 60_000).default(500),
    /** The sandbox's simulated receipts, after the send. */
    SANDBOX_DELIVERED_AFTER_MS: intFrom(0, 86_400_000).default(1_000),
    SANDBOX_READ_AFTER_MS: intFrom(0, 86_400_000).default(3_000),
    /** Channel health: the periodic check, and how many failures in a row mean `down`. */
    CHANNEL_HEALTH_INTERVAL_MS: intFrom(1_000, 86_400_000).default(60_000),
    CHANNEL_HEALTH_DOWN_AFTER: intFrom(1, 100).default(3),
    /** How often leftovers are picked up: unprocessed webhook events, unsent replies, due receipts. */
    CHANNEL_SWEEP_INTERVAL_MS: intFrom(100, 3_600_000).default(10_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the built Angular app lives; the API serves it at `/`. */
    CRM_DIST_DIR: z.string().min(1).default('dist/apps/crm/browser'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when DATABASE_URL is set' });
    }
    if (env.CHANNEL_PROVIDER === 'cloud-api') {
      for (const name of ['WHATSAPP_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'] as const) {
        if (!env[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required when CHANNEL_PROVIDER is cloud-api' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
