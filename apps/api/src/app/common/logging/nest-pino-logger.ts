import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's start-up chatter (a line per route, per module, per socket handler: about a hundred) is
 * for debugging; at info it buried the start banner.
 */
const STARTUP_CONTEXTS = new Set([
  'RouterExplorer',
  'RoutesResolver',
  'InstanceLoader',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

/**
 * Nest's logger on pino. Nest calls `(message | fields | Error, ...params, context)`: the context
 * (a `new Logger('Name')`'s name) becomes a field, fields and errors are merged in, and Nest's
 * exception handlers' `(message, stack)` becomes an `err`.
 *
 * Lines have no per-request fields: keeping them needs an AsyncLocalStorage, which in Node 20 turns
 * promise hooks on for the whole process, so every promise of every socket message paid for it.
 * Each HTTP request's own line (pino-http) still has its id.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.call(STARTUP_CONTEXTS.has(params[params.length - 1] as string) ? 'debug' : 'info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  private call(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      fields['context'] = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    const log = this.pino[level].bind(this.pino) as (fields: object, message?: string, ...args: unknown[]) => void;
    if (message instanceof Error) log({ ...fields, err: message }, ...(rest as [string?]));
    else if (typeof message === 'object' && message !== null) log({ ...fields, ...message }, ...(rest as [string?]));
    else if (
      level === 'error' &&
      typeof message === 'string' &&
      rest.length === 1 &&
      typeof rest[0] === 'string' &&
      /\n\s*at /.test(rest[0])
    ) {
      const err = new Error(message);
      err.stack = rest[0];
      log({ ...fields, err });
    } else log(fields, String(message), ...rest);
  }
}
