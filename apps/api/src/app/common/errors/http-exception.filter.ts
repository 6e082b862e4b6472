import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
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
    if (status >= 500) this.logger.error(err instanceof Error ? err.stack ?? err.message : String(err));
    if (res.headersSent) return;
    res.status(status).json({ error: body });
  }
}
