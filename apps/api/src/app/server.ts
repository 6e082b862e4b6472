import { NestFactory } from '@nestjs/core';
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
import { mountCrmApp } from './static/crm-app';

export const JSON_BODY_LIMIT = '1mb';
/** Campaign recipients come as one JSON list: up to 100,000 of them. */
export const CAMPAIGN_JSON_BODY_LIMIT = '25mb';

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

export async function startServer(source?: Record<string, string | undefined>, options: ServerOptions = {}): Promise<RunningServer> {
  const env = loadEnv(source);
  const database: RunningDatabase = env.DATABASE_URL
    ? { url: env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres(env.DATA_DIR);

  try {
    const jwtSecret = env.JWT_SECRET ?? (await loadOrCreateJwtSecret(env.DATA_DIR));
    const config = new AppConfig(env, database.url, jwtSecret);
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
      bufferLogs: true,
      bodyParser: false,
      // The WhatsApp webhook checks Meta's signature over the exact bytes received (req.rawBody).
      rawBody: true,
    });
    app.useLogger(app.get(NestPinoLogger));
    // Behind a proxy (docker-compose's Caddy) the client IP comes from X-Forwarded-For of the proxies trusted here.
    app.set('trust proxy', config.env.TRUST_PROXY);
    app.disable('x-powered-by');
    // Registered first, so it parses campaign bodies before the general 1 MB parser sees them.
    app.useBodyParser('json', { limit: CAMPAIGN_JSON_BODY_LIMIT, type: (req) => isCampaignUpload(req) });
    app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
    app.setGlobalPrefix('api');
    app.enableCors({ origin: config.env.CORS_ORIGINS, credentials: true });
    app.useWebSocketAdapter(new SocketIoAdapter(app));
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

const isCampaignUpload = (req: { url?: string; headers: Record<string, unknown> }): boolean =>
  /^\/api\/bulk-campaigns(\/preview)?\/?(\?|$)/.test(req.url ?? '') && String(req.headers['content-type'] ?? '').startsWith('application/json');
