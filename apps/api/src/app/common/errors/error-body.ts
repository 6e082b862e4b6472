import { BadRequestException, HttpException } from '@nestjs/common';
import { errorCodes, type ErrorBody, type ErrorCode } from '@switchboard/contracts';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './database-unavailable';

const codeByStatus = new Map<number, ErrorCode>([
  [400, 'validation_failed'],
  [401, 'unauthorized'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [409, 'conflict'],
  [413, 'payload_too_large'],
  [429, 'rate_limited'],
]);

/** Errors body-parser raises before any controller runs. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Maps anything thrown to a contract error body. A database that does not answer is
 * `unavailable` (503: nothing was stored, try again). Unknown errors become `internal` with a
 * generic message: their text may hold internals and never reaches a client.
 */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) {
    return {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    };
  }
  const parserType = (err as BodyParserError)?.type;
  if (parserType === 'entity.parse.failed') {
    return { code: 'validation_failed', message: 'The request body is not valid JSON' };
  }
  if (parserType === 'entity.too.large') {
    return { code: 'payload_too_large', message: AppError.defaultMessage('payload_too_large') };
  }
  // body-parser's other refusals (a charset or Content-Encoding it does not read, a body that does
  // not decompress as its Content-Encoding says) are http-errors with a 4xx status: the client's mistake.
  const parserStatus = (err as BodyParserError)?.status;
  if (
    !(err instanceof HttpException) &&
    typeof parserStatus === 'number' &&
    parserStatus >= 400 &&
    parserStatus < 500
  ) {
    return {
      code: 'validation_failed',
      message: 'The request body cannot be read: send UTF-8 JSON, compressed only as its Content-Encoding says',
    };
  }
  // Nest turns body-parser's SyntaxError into a BadRequestException before filters see it.
  if (err instanceof BadRequestException && /JSON/.test(err.message)) {
    return { code: 'validation_failed', message: 'The request body is not valid JSON' };
  }
  if (isDatabaseUnavailable(err)) {
    return { code: 'unavailable', message: AppError.defaultMessage('unavailable') };
  }
  if (err instanceof HttpException) {
    const code = codeByStatus.get(err.getStatus()) ?? (err.getStatus() >= 500 ? 'internal' : 'validation_failed');
    const message = code === 'not_found' ? 'No such route' : AppError.defaultMessage(code);
    return { code, message };
  }
  return { code: 'internal', message: AppError.defaultMessage('internal') };
}

export const isErrorCode = (s: string): s is ErrorCode => (errorCodes as readonly string[]).includes(s);
