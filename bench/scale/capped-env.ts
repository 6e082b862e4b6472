/**
 * Imported first by capped.ts: bench/shared/bench-database.ts reads BENCH_PG_URL when it loads, and
 * this benchmark also takes the PostgreSQL server from DATABASE_URL (the throwaway database is
 * created on that server; only its host, port and user are used).
 */
if (!process.env.BENCH_PG_URL && process.env.DATABASE_URL) process.env.BENCH_PG_URL = process.env.DATABASE_URL;

/** host:port of the PostgreSQL server the run uses (bench-database.ts's default when neither is set). */
export const PG_SERVER = new URL(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test').host;
