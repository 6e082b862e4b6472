import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { httpStatusByErrorCode } from '@switchboard/contracts';
import { toErrorBody } from './error-body';

/** Every REST error leaves through here as `{ error: { code, message, details? } }`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(err);
    const status = httpStatusByErrorCode[body.code];
    if (status >= 500) this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    if (res.headersSent) return;
    if (body.retryAfterSeconds) res.setHeader('Retry-After', String(body.retryAfterSeconds));
    // A refused request whose body was never read: closing beats reading (and discarding) what may be megabytes.
    const req = host.switchToHttp().getRequest<Request>();
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(status).json({ error: body });
  }
}
