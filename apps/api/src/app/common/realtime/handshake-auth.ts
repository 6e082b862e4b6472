import type { Socket } from 'socket.io';
import { mayUseNamespace, type TokenClaims } from '@switchboard/contracts';
import type { SessionsService } from '../auth/sessions/sessions.service';
import { AppError } from '../errors/app-error';
import { clientIp, type ProxyTrust } from '../http/client-ip';

export interface SocketData {
  claims: TokenClaims;
  /** When the handshake's token expires (epoch ms), null if never: see session-expiry.ts. */
  expiresAt: number | null;
  /** The client's address (through trusted proxies), for per-IP limits. */
  ip: string;
}

/**
 * Socket.IO middleware for one namespace: `auth.token` must belong to a live session, and the role
 * must be allowed on the namespace. Guards do not run in the handshake, so this is where realtime
 * authentication lives. The token is read from `auth` only, never from the URL.
 */
export const handshakeAuth =
  (namespace: string, sessions: SessionsService, trust: ProxyTrust) =>
  (socket: Socket, next: (err?: Error) => void): void => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
    sessions.authenticate(token).then(
      (session) => {
        if (!mayUseNamespace(namespace, session.claims.role)) return next(new Error('forbidden'));
        Object.assign(socket.data as SocketData, session, { ip: clientIp(socket.request, trust) });
        next();
      },
      // A session that cannot be read now (the database is away) is not an ended one: the client retries.
      (err: unknown) => next(new Error(err instanceof AppError ? 'unauthorized' : 'unavailable')),
    );
  };

export const claimsOf = (socket: Socket): TokenClaims => (socket.data as SocketData).claims;
export const clientIpOf = (socket: Socket): string => (socket.data as SocketData).ip;
