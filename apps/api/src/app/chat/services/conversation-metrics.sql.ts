/**
 * The statements behind the dashboard's figures, apart from the service that runs them so that
 * `npm run bench:stats -- --explain` explains exactly these.
 */
export const NO_DIM = `'00000000-0000-0000-0000-000000000000'`;
/**
 * The 16 rows each of `messages`, `open`, `unattended`, `attended` and `fr_version` is split
 * over (see MessageCounterShards1796044629299 and ConversationCounterShards1796118654421).
 */
const SHARDS = `ARRAY[${Array.from({ length: 16 }, (_, i) => `'00000000-0000-0000-0000-${String(i).padStart(12, '0')}'`).join(', ')}]::uuid[]`;
const MONTH_START = `date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2`;

/**
 * The counts, from the trigger-kept counters: a handful of rows whatever the history. `dim` is
 * named even where it is always the zero uuid, and the month and day starts are written inline
 * rather than joined from a CTE: only then is a bucket range a narrow range of the primary key
 * (metric, dim, bucket). Prepared (named) statements, since planning costs more than running them.
 * $1 = now, $2 = the time zone.
 */
export const COUNTS_SQL = `
  SELECT
    (SELECT COALESCE(sum(n), 0) FROM stats_counters WHERE metric = 'unattended' AND dim = ANY(${SHARDS})) AS unattended,
    (SELECT COALESCE(sum(n), 0) FROM stats_counters WHERE metric = 'open' AND dim = ANY(${SHARDS})) AS open,
    (SELECT COALESCE(sum(n), 0) FROM stats_counters
      WHERE metric = 'attended' AND dim = ANY(${SHARDS}) AND bucket >= ${MONTH_START} AND bucket <= $1::timestamptz) AS attended,
    (SELECT COALESCE(sum(n), 0) FROM stats_counters
      WHERE metric = 'messages' AND dim = ANY(${SHARDS})
        AND bucket >= date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AND bucket <= $1::timestamptz) AS messages_today,
    (SELECT COALESCE(json_object_agg(dim, n), '{}') FROM stats_counters WHERE metric = 'open_assigned' AND n > 0) AS per_agent,
    (SELECT COALESCE(sum(n), 0) FROM stats_counters WHERE metric = 'fr_version' AND dim = ANY(${SHARDS})) AS fr_version,
    ${MONTH_START} AS month_start`;

/**
 * This month's first responses (an index range over them). Only a change to some conversation's
 * first response, start or reopen moves these figures, and each such change bumps `fr_version`;
 * the result is kept until the version or the month changes.
 */
export const FIRST_RESPONSES_SQL = `
  SELECT (SELECT COALESCE(sum(n), 0) FROM stats_counters WHERE metric = 'fr_version' AND dim = ANY(${SHARDS})) AS fr_version,
         count(*) AS n, avg(s) AS avg, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY s) AS pct
    FROM (SELECT EXTRACT(EPOCH FROM (c.first_response_at - GREATEST(c.created_at, COALESCE(c.reopened_at, c.created_at))))::float8 AS s
            FROM conversations c
           WHERE c.first_response_at >= ${MONTH_START} AND c.first_response_at <= $1::timestamptz) responses`;
