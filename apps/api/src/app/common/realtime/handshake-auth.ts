import type { Socket } from 'socket.io';
import { mayUseNamespace, type TokenClaims } from '@switchboard/contracts';
import type { TokenService } from '../auth/token.service';

export interface SocketData {
  claims: TokenClaims;
  /** When the handshake's token expires (epoch ms), null if never: see session-expiry.ts. */
  expiresAt: number | null;
}

/**
 * Socket.IO middleware for one namespace: verifies `auth.token` and the namespace's roles.
 * Guards do not run in the handshake, so this is where realtime authentication lives. The
 * token is read from `auth` only, never from the URL.
 */
export const handshakeAuth =
  (namespace: string, tokens: TokenService) =>
  (socket: Socket, next: (err?: Error) => void): void => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
    let session: SocketData;
    try {
      session = tokens.verifyWithExpiry(token);
    } catch {
      return next(new Error('unauthorized'));
    }
    if (!mayUseNamespace(namespace, session.claims.role)) return next(new Error('forbidden'));
    Object.assign(socket.data as SocketData, session);
    next();
  };

export const claimsOf = (socket: Socket): TokenClaims => (socket.data as SocketData).claims;
