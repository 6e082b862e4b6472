import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { json } from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defer, switchMap, type Observable } from 'rxjs';
import { AppConfig } from '../../config/app-config';

const LARGE_JSON_BODY = 'sb:large-json-body';
const RAW_BODY = 'sb:raw-body';

/** This route takes JSON bodies up to `MAX_CAMPAIGN_JSON_BODY_BYTES` instead of `MAX_JSON_BODY_BYTES`. */
export const LargeJsonBody = () => SetMetadata(LARGE_JSON_BODY, true);

/** This route also gets the exact bytes received as `req.rawBody` (a signature is checked over them). */
export const KeepsRawBody = () => SetMetadata(RAW_BODY, true);

type Parser = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Reads and parses JSON bodies here, after the guards, instead of in a middleware before them: a
 * request without a valid token is answered 401 before a byte of its body is read, and the larger
 * campaign limit applies only to callers already known to be allowed on that route. The size is
 * checked before parsing (Content-Length, then the bytes as they arrive): 413 past the limit.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly parsers: Record<'normal' | 'large', Record<'plain' | 'raw', Parser>>;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    const keepRaw = (req: IncomingMessage, _res: ServerResponse, buf: Buffer) => {
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
    };
    const make = (limit: number) => ({
      plain: json({ limit }) as Parser,
      raw: json({ limit, verify: keepRaw }) as Parser,
    });
    this.parsers = {
      normal: make(config.env.MAX_JSON_BODY_BYTES),
      large: make(config.env.MAX_CAMPAIGN_JSON_BODY_BYTES),
    };
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const targets = [ctx.getHandler(), ctx.getClass()];
    const size = this.reflector.getAllAndOverride<boolean>(LARGE_JSON_BODY, targets) ? 'large' : 'normal';
    const parse = this.parsers[size][this.reflector.getAllAndOverride<boolean>(RAW_BODY, targets) ? 'raw' : 'plain'];
    const http = ctx.switchToHttp();
    const read = new Promise<void>((resolve, reject) =>
      parse(http.getRequest(), http.getResponse(), (err) => (err ? reject(err) : resolve())),
    );
    return defer(() => read).pipe(switchMap(() => next.handle()));
  }
}
