import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role, TokenClaims } from '@switchboard/contracts';
import { AppError } from '../../errors/app-error';
import { ClusterBus } from '../../redis/cluster-bus';
import { AppConfig } from '../../../config/app-config';
import { returnedRows } from '../../../database/update-rows';
import { TokenService } from '../token.service';

/** What this node knows of one session. */
interface KnownSession {
  subjectId: string;
  /** The holder's current display name (a rename reaches live sessions without a new token). */
  name: string;
  expiresAt: number;
  revoked: boolean;
}

type Listener<T> = (payload: T) => void;

/** How often a node re-reads what changed meanwhile, in case a note between nodes was lost. */
const RESYNC_MS = 5_000;

declare module '../../redis/cluster-bus' {
  interface ClusterTopicMap {
    'sessions.revoked': { sids: string[] };
    'users.renamed': { userId: string; name: string };
  }
}

/**
 * Server-side sessions: every token names its session (`sid`), and a token is good only while its
 * session is live. Each node keeps what it has learnt of sessions in memory, so checking a token
 * costs a lookup, not a query (the first use of a session on a node reads it once). Revocations
 * are written in the database first, then told to every node over the cluster bus (each
 * disconnects its own sockets of those sessions); a node also re-reads the revocations and renames
 * of the last seconds every few seconds, so a lost note delays an ending, never cancels it.
 */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private readonly known = new Map<string, KnownSession>();
  private readonly loading = new Map<string, Promise<KnownSession | null>>();
  private readonly revokedListeners = new Set<Listener<ReadonlySet<string>>>();
  private readonly renamedListeners = new Set<Listener<{ userId: string; name: string }>>();
  private readonly ttlMs: number;
  private syncedAt: Date | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly bus: ClusterBus,
    config: AppConfig,
  ) {
    this.ttlMs = config.env.JWT_TTL_SECONDS * 1000;
    this.bus.on('sessions.revoked', ({ sids }) => this.applyRevoked(sids));
    this.bus.on('users.renamed', (e) => this.applyRenamed(e.userId, e.name));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.syncedAt = await this.dbNow();
    this.timer = setInterval(() => void this.resync(), RESYNC_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * A new session for a staff user, only if the user is still active with this password and role
   * (what the caller checked before, outside any lock). The user's row is share-locked, so a
   * deactivation or password change either happened before (no session) or waits for this one
   * and then ends it too.
   */
  async startForUser(user: { id: string; role: Role; name: string; passwordHash: string }): Promise<string | null> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(
        `INSERT INTO sessions (subject_id, is_contact, expires_at)
         SELECT u.id, false, now() + $4 * interval '1 millisecond' FROM users u
          WHERE u.id = $1 AND u.active AND u.role = $2 AND u.password_hash = $3 FOR SHARE
         RETURNING id`,
        [user.id, user.role, user.passwordHash, this.ttlMs],
      ),
    );
    return rows[0]?.id ?? null;
  }

  /** A widget session of a contact. */
  async startForContact(contactId: string): Promise<string> {
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO sessions (subject_id, is_contact, expires_at) VALUES ($1, true, now() + $2 * interval '1 millisecond') RETURNING id`,
      [contactId, this.ttlMs],
    );
    return id;
  }

  /** A signed token for a session. */
  tokenFor(claims: TokenClaims): string {
    return this.tokens.sign(claims);
  }

  /**
   * The caller behind a bearer token, with their current name: throws `unauthorized` for a token
   * that does not verify, or whose session has ended (logout, revocation, expiry).
   */
  async authenticate(token: unknown): Promise<{ claims: TokenClaims; expiresAt: number | null }> {
    const verified = this.tokens.verifyWithExpiry(token);
    const session = this.known.get(verified.claims.sid) ?? (await this.load(verified.claims.sid));
    if (!session || session.revoked || session.expiresAt <= Date.now() || session.subjectId !== verified.claims.sub) {
      throw new AppError('unauthorized', 'Your session has ended, sign in again');
    }
    return { claims: { ...verified.claims, name: session.name }, expiresAt: verified.expiresAt };
  }

  /** Whether this node knows the session to have ended: checked on every socket event, without I/O. */
  hasEnded(sid: string): boolean {
    const session = this.known.get(sid);
    return session !== undefined && (session.revoked || session.expiresAt <= Date.now());
  }

  /** Ends one session (logout). */
  async end(sid: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [
        sid,
      ]),
    );
    this.announceRevoked(rows.map((r) => r.id));
  }

  /**
   * Ends every live session of a user but `exceptSid`, inside the caller's transaction (with the
   * change that causes it). Call `announceRevoked` with the result after COMMIT.
   */
  async endAllWithin(tx: EntityManager, subjectId: string, exceptSid: string | null = null): Promise<string[]> {
    const rows = returnedRows<{ id: string }>(
      await tx.query(
        `UPDATE sessions SET revoked_at = now() WHERE subject_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id IS DISTINCT FROM $2 RETURNING id`,
        [subjectId, exceptSid],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** After COMMIT: every node stops accepting these sessions and disconnects their sockets. */
  announceRevoked(sids: string[]): void {
    if (sids.length === 0) return;
    this.applyRevoked(sids);
    this.bus.publish('sessions.revoked', { sids });
  }

  /** After COMMIT: live sessions of the user carry the new name. */
  announceRenamed(userId: string, name: string): void {
    this.applyRenamed(userId, name);
    this.bus.publish('users.renamed', { userId, name });
  }

  /** Sessions ended: the realtime server disconnects its sockets of them. */
  onRevoked(listener: Listener<ReadonlySet<string>>): void {
    this.revokedListeners.add(listener);
  }

  onRenamed(listener: Listener<{ userId: string; name: string }>): void {
    this.renamedListeners.add(listener);
  }

  private load(sid: string): Promise<KnownSession | null> {
    let pending = this.loading.get(sid);
    if (!pending) {
      pending = this.read(sid).finally(() => this.loading.delete(sid));
      this.loading.set(sid, pending);
    }
    return pending;
  }

  private async read(sid: string): Promise<KnownSession | null> {
    const rows: { subject_id: string; name: string | null; expires_at: Date; revoked: boolean }[] = await this.db.query(
      `SELECT s.subject_id, s.expires_at,
              s.revoked_at IS NOT NULL OR (NOT s.is_contact AND u.active IS NOT TRUE) AS revoked,
              CASE WHEN s.is_contact THEN (SELECT name FROM contacts WHERE id = s.subject_id) ELSE u.name END AS name
         FROM sessions s LEFT JOIN users u ON u.id = s.subject_id AND NOT s.is_contact
        WHERE s.id = $1`,
      [sid],
    );
    const row = rows[0];
    if (!row) return null;
    const session: KnownSession = {
      subjectId: row.subject_id,
      name: row.name ?? '',
      expiresAt: row.expires_at.getTime(),
      revoked: row.revoked,
    };
    this.known.set(sid, session);
    return session;
  }

  private applyRevoked(sids: string[]): void {
    const ended = new Set<string>();
    for (const sid of sids) {
      const session = this.known.get(sid);
      // Unknown here: remembered as ended, so a later use needs no query to be refused.
      if (session) session.revoked = true;
      else this.known.set(sid, { subjectId: '', name: '', expiresAt: Date.now() + this.ttlMs, revoked: true });
      ended.add(sid);
    }
    for (const listener of this.revokedListeners) listener(ended);
  }

  private applyRenamed(userId: string, name: string): void {
    for (const session of this.known.values()) if (session.subjectId === userId) session.name = name;
    for (const listener of this.renamedListeners) listener({ userId, name });
  }

  /** Re-reads the revocations and renames since the last look; also forgets sessions past their expiry. */
  private async resync(): Promise<void> {
    try {
      const since = this.syncedAt;
      const now = await this.dbNow();
      // A second of overlap: a transaction that committed late with an earlier now() is not missed.
      const from = new Date((since ?? now).getTime() - 1_000);
      const revoked: { id: string }[] = await this.db.query(`SELECT id FROM sessions WHERE revoked_at >= $1`, [from]);
      const renamed: { id: string; name: string }[] = await this.db.query(
        `SELECT id, name FROM users WHERE updated_at >= $1`,
        [from],
      );
      this.syncedAt = now;
      const newlyEnded = revoked.map((r) => r.id).filter((sid) => !this.known.get(sid)?.revoked);
      if (newlyEnded.length > 0) this.applyRevoked(newlyEnded);
      for (const u of renamed) {
        const stale = [...this.known.values()].some((s) => s.subjectId === u.id && s.name !== u.name);
        if (stale) this.applyRenamed(u.id, u.name);
      }
      const at = Date.now();
      for (const [sid, session] of this.known) if (session.expiresAt <= at) this.known.delete(sid);
    } catch (err) {
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'sessions not re-read');
    }
  }

  private async dbNow(): Promise<Date> {
    const [{ now }]: { now: Date }[] = await this.db.query(`SELECT now()`);
    return now;
  }
}
