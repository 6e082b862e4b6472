import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../common/clock/clock';

const PATH = /^\/api\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\?.*)?$/i;
const HOUR_SECONDS = 3600;

/**
 * Links to attachments. A message stores an attachment's plain address; whenever a message is read
 * or pushed its link is signed (an HMAC of the id and an expiry, with the JWT secret), because
 * `<img>` and `<video>` cannot send a bearer token. A link works until its expiry,
 * `ATTACHMENT_URL_TTL_SECONDS` from when it was made, rounded up to the hour so that the same
 * message keeps the same link (and the browser's cache) for an hour at a time.
 */
@Injectable()
export class AttachmentLinks {
  private readonly secret: string;
  private readonly ttlSeconds: number;

  constructor(
    config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.secret = config.jwtSecret;
    this.ttlSeconds = config.env.ATTACHMENT_URL_TTL_SECONDS;
  }

  /** What a message stores. */
  plainUrl(id: string): string {
    return `/api/attachments/${id}`;
  }

  /** What a client gets: a link that works without a token until it expires. */
  signedUrl(id: string): string {
    const exp = Math.ceil((this.clock().getTime() / 1000 + this.ttlSeconds) / HOUR_SECONDS) * HOUR_SECONDS;
    return `/api/attachments/${id}?exp=${exp}&sig=${this.signature(id, exp)}`;
  }

  /** The attachment id of one of our links (plain or signed, expired or not), or null. */
  idOf(url: string): string | null {
    return PATH.exec(url)?.[1].toLowerCase() ?? null;
  }

  /** The link's signature is ours and it has not expired. */
  allows(id: string, exp: string | undefined, sig: string | undefined): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= this.clock().getTime()) return false;
    const expected = Buffer.from(this.signature(id, Number(exp)));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(id: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`attachment:${id}:${exp}`).digest('base64url');
  }
}
