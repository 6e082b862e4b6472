import { Logger } from '@nestjs/common';
import type { Ack, ErrorCode } from '@switchboard/contracts';
import { toErrorBody } from '../errors/error-body';
import { AppError } from '../errors/app-error';

const logger = new Logger('Socket');

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message?: string): Ack<never> => ({
  ok: false,
  error: { code, message: message ?? AppError.defaultMessage(code) },
});

/** Runs a socket handler and answers with an ack whatever happens; the socket stays connected. */
export async function acked<T>(work: () => Promise<T> | T): Promise<Ack<T>> {
  try {
    return ok(await work());
  } catch (err) {
    const error = toErrorBody(err);
    if (error.code === 'internal' || error.code === 'unavailable')
      logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return { ok: false, error };
  }
}
