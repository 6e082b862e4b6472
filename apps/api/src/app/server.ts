import { NestFactory } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import type { Clock } from './common/clock/clock';
import { AppConfig, loadEnv } from './config/app-config';
import { loadOrCreateJwtSecret } from './config/jwt-secret';
import { startEmbeddedPostgres, type RunningDatabase } from './database/embedded-postgres';
import { SocketIoAdapter } from './common/realtime/socket-io.adapter';
import { RedisService } from './common/redis/redis.service';
import { FirstAdminService } from './users/first-admin.service';
import { buildOpenApiDocument } from './docs/openapi.document';
import { buildAsyncApiDocument } from './docs/asyncapi.document';
import { mountCrmApp } from './static/crm-app';
import { useSecurityHeaders } from './common/security/security-headers';

export interface RunningServer {
  app: NestExpressApplication;
  config: AppConfig;
  port: number;
  url: string;
  /** Set when this start created the first admin. */
  firstAdmin: { email: string; password: string | null } | null;
  /** Closes sockets and HTTP, then stops the embedded database if this process started it. */
  close(): Promise<void>;
}

/** Starts the whole product: database (embedded or external), migrations, HTTP, Socket.IO, the app. */
export interface ServerOptions {
  /** Replaces the system clock (tests of month and day boundaries). */
  clock?: Clock;
}

export async function startServer(
  source?: Record<string, string | undefined>,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const env = loadEnv(source);
  const database: RunningDatabase = env.DATABASE_URL
    ? { url: env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres(env.DATA_DIR);

  try {
    const jwtSecret = env.JWT_SECRET ?? (await loadOrCreateJwtSecret(env.DATA_DIR));
    const config = new AppConfig(env, database.url, jwtSecret);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
      bufferLogs: true,
      // Bodies are read after authentication, by JsonBodyInterceptor (and multer on upload routes).
      bodyParser: false,
    });
    app.useLogger(app.get(NestPinoLogger));
    // Behind a proxy (docker-compose's Caddy) the client IP comes from X-Forwarded-For of the proxies trusted here.
    app.set('trust proxy', config.env.TRUST_PROXY);
    app.disable('x-powered-by');
    useSecurityHeaders(app, config);
    app.setGlobalPrefix('api');
    app.enableCors({ origin: config.env.CORS_ORIGINS, credentials: true });
    app.useWebSocketAdapter(new SocketIoAdapter(app));
    // The realtime half of the contract, beside the OpenAPI document of the REST half.
    const asyncApi = buildAsyncApiDocument();
    app.use('/api/docs/asyncapi.json', (req: Request, res: Response, next: () => void) =>
      req.method === 'GET' ? res.json(asyncApi) : next(),
    );
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(), { jsonDocumentUrl: 'api/docs/openapi.json' });
    mountCrmApp(app, config.env.CRM_DIST_DIR);
    await app.init();
    await app.get(RedisService).subscriptionsSettled(5_000);
    await app.listen(env.PORT, env.HOST);

    const port = (app.getHttpServer().address() as AddressInfo).port;
    let closing: Promise<void> | undefined;
    return {
      app,
      config,
      port,
      url: `http://localhost:${port}`,
      firstAdmin: app.get(FirstAdminService).created,
      close: () =>
        (closing ??= (async () => {
          try {
            await app.close();
          } finally {
            await database.stop();
          }
        })()),
    };
  } catch (err) {
    await database.stop();
    throw err;
  }
}
