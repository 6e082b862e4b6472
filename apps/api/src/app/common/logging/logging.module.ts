import {
  Global,
  Inject,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { pinoHttp, type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';
import { NestPinoLogger } from './nest-pino-logger';

const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * One line per event on stdout: one per HTTP request (with its id), and Nest's own through
 * `NestPinoLogger`. JSON for log collectors; readable, coloured lines when a person watches a
 * terminal (stdout is a TTY).
 */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  static forRoot(level: string): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        {
          provide: HTTP_LOGGER,
          useValue: pinoHttp(
            {
              level,
              redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
              autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/live' },
            },
            process.stdout.isTTY
              ? pretty({ singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res', sync: true })
              : undefined,
          ),
        },
        {
          provide: NestPinoLogger,
          useFactory: (http: HttpLogger) => new NestPinoLogger(http.logger),
          inject: [HTTP_LOGGER],
        },
      ],
      exports: [NestPinoLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.http).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
