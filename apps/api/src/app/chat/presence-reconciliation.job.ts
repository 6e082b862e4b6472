import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { claimsOf } from '../common/realtime/handshake-auth';
import { PresenceService } from './services/presence.service';

const EVERY_MS = 60_000;

/**
 * Presence is a counter kept as sockets come and go; once a minute it is recounted from the
 * sockets really connected to this node, and any drift is corrected and logged.
 */
@Injectable()
export class PresenceReconciliationJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PresenceReconciliation');
  private ns: Namespace | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly presence: PresenceService) {}

  attach(ns: Namespace): void {
    this.ns = ns;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.run(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  run(): string[] {
    if (!this.ns) return [];
    const actual = new Map<string, number>();
    for (const socket of this.ns.sockets.values()) {
      const claims = claimsOf(socket);
      if (claims && claims.role !== 'contact') actual.set(claims.sub, (actual.get(claims.sub) ?? 0) + 1);
    }
    const corrected = this.presence.reconcile(actual);
    if (corrected.length > 0) this.logger.warn({ corrected }, 'presence drift corrected');
    return corrected;
  }
}
