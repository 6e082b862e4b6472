import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, type Observable } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { namespaceRoles } from '@switchboard/contracts';
import { SessionsService } from '../auth/sessions/sessions.service';
import { RedisService } from '../redis/redis.service';
import { AppConfig } from '../../config/app-config';
import { OriginPolicy } from './origin-policy';
import { proxyTrust, type ProxyTrust } from '../http/client-ip';
import { handshakeAuth, type SocketData } from './handshake-auth';
import { disconnectAtExpiry } from './session-expiry';
import { guardSendBuffers } from './send-buffer-guard';
import { coalesceWrites } from './write-coalescing';
import { socketIoParser } from './encoded-payload';
import { fail } from './ack';

const logger = new Logger('Socket');
/** Nest's adapter brings its own copy of socket.io's types. */
type NestSocket = Parameters<IoAdapter['bindMessageHandlers']>[0];

/**
 * The one Socket.IO server: origin allow-list, handshake auth on every namespace (and a disconnect
 * when the handshake's token expires), a bound on what waits for a client that stopped reading,
 * and the Redis adapter when `REDIS_URL` is set so rooms span nodes.
 */
export class SocketIoAdapter extends IoAdapter {
  private readonly sessions: SessionsService;
  private readonly redis: RedisService;
  private readonly origins: OriginPolicy;
  private readonly maxBufferedBytes: number;
  private readonly maxPayloadBytes: number;
  private readonly trust: ProxyTrust;

  constructor(app: INestApplicationContext) {
    super(app);
    this.sessions = app.get(SessionsService);
    this.redis = app.get(RedisService);
    const env = app.get(AppConfig).env;
    this.maxBufferedBytes = env.SOCKET_MAX_BUFFERED_BYTES;
    this.maxPayloadBytes = env.MAX_SOCKET_PAYLOAD_BYTES;
    this.trust = proxyTrust(env.TRUST_PROXY);
    this.origins = new OriginPolicy(env.CORS_ORIGINS, this.trust);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      parser: socketIoParser,
      serveClient: false,
      maxHttpBufferSize: this.maxPayloadBytes,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      cors: { origin: this.origins.corsOrigins, credentials: true },
      allowRequest: (req, cb) =>
        cb(this.origins.allowsRequest(req) ? null : 'origin not allowed', this.origins.allowsRequest(req)),
    } as ServerOptions);
    if (this.redis.pub && this.redis.sub)
      server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: this.redis.adapterKey }));
    guardSendBuffers(server, this.maxBufferedBytes);
    coalesceWrites(server);

    server.on('new_namespace', (ns) => {
      ns.use(handshakeAuth(ns.name, this.sessions, this.trust));
      ns.on('connection', disconnectAtExpiry);
    });
    // Every namespace of the contract exists (and authenticates) even before its gateway.
    for (const name of Object.keys(namespaceRoles)) server.of(name);
    // The default namespace serves nobody.
    server.of('/').use((_socket, next) => next(new Error('forbidden')));
    this.followSessions(server);
    return server;
  }

  /**
   * An ended session's sockets are disconnected on every node (each node hears of it and drops its
   * own): the whole connection, so the client's reconnect is refused `unauthorized` and the app
   * ends the session. A rename reaches the sockets' claims, which name the sender of their messages.
   */
  private followSessions(server: Server): void {
    const localSockets = () => Object.keys(namespaceRoles).flatMap((name) => [...server.of(name).sockets.values()]);
    this.sessions.onRevoked((sids) => {
      for (const socket of localSockets())
        if (sids.has((socket.data as SocketData).claims?.sid)) socket.disconnect(true);
    });
    this.sessions.onRenamed(({ userId, name }) => {
      for (const socket of localSockets()) {
        const data = socket.data as SocketData;
        if (data.claims?.sub === userId && data.claims.role !== 'contact') data.claims = { ...data.claims, name };
      }
    });
  }

  /**
   * Each gateway handler as a plain listener. Nest's own binding runs every event of every socket
   * through an RxJS pipeline (fromEvent, mergeMap, takeUntil the disconnect), which on a busy /chat
   * server was an eighth of all it allocated per message. The outcome is Nest's: the handler's
   * result is the ack (an Observable's every value), `{event, data}` is emitted instead, nothing
   * answers a socket that has disconnected meanwhile.
   */
  override bindMessageHandlers(
    socket: NestSocket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        // Every event is checked against the session, in memory: one revoked on another node while
        // its disconnect is on its way does no more.
        if (this.sessions.hasEnded((socket.data as SocketData).claims.sid)) {
          if (typeof ack === 'function') ack(fail('unauthorized', 'Your session has ended, sign in again'));
          socket.disconnect(true);
          return;
        }
        const answer = (response: unknown) => {
          if (response === null || response === undefined || !socket.connected) return;
          const emitted = response as { event?: string; data?: unknown };
          if (emitted.event) socket.emit(emitted.event, emitted.data);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        // Nest's handler wrapper hands errors to the gateway's exception filters; what still escapes is a bug.
        const failed = (err: unknown) =>
          logger.error(
            { event: message, err: err instanceof Error ? err.message : String(err) },
            'socket handler failed',
          );
        Promise.resolve(callback(data, ack)).then((result) => {
          if (isObservable(result)) transform(result).subscribe({ next: answer, error: failed });
          else answer(result);
        }, failed);
      });
    }
    // An event no handler takes (a typo, a client newer than the server) is answered like an
    // unknown route, rather than leaving the client waiting for an ack that never comes.
    const known = new Set(handlers.map((h) => h.message as string));
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (!known.has(event) && typeof ack === 'function')
        ack(fail('not_found', `No event "${event}" on ${socket.nsp.name}`));
    });
  }
}
