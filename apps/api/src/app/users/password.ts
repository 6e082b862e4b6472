import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

/**
 * Passwords are hashed with scrypt, which Node runs on libuv's thread pool. bcryptjs, used before,
 * is JavaScript on the main thread: each hash or check held the event loop for about 100 ms, and
 * every socket of the node waited for a colleague's login. Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url), so the cost can rise later without a migration.
 */
const CURRENT = { logN: 14, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SCHEME = 'scrypt';

interface ScryptHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const derive = (plain: string, salt: Buffer, cost: { logN: number; r: number; p: number }, bytes: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(
      plain,
      salt,
      bytes,
      // scrypt needs about 128 · N · r bytes; the ceiling leaves room for twice that.
      { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 256 * 2 ** cost.logN * cost.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );

const encode = (h: ScryptHash): string =>
  [SCHEME, h.logN, h.r, h.p, h.salt.toString('base64url'), h.key.toString('base64url')].join('$');

/** A stored scrypt hash, or null for anything else (a bcrypt hash of an older version, a damaged value). */
function parse(stored: string): ScryptHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  const sane = logN >= 10 && logN <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  return sane && salt.length > 0 && key.length > 0 ? { logN, r, p, salt, key } : null;
}

// Checked against when the email is unknown, so a miss costs as much time as a wrong password.
const DUMMY: Promise<ScryptHash> = (async () => {
  const salt = randomBytes(SALT_BYTES);
  return { ...CURRENT, salt, key: await derive('switchboard-timing-equaliser', salt, CURRENT, KEY_BYTES) };
})();

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode({ ...CURRENT, salt, key: await derive(plain, salt, CURRENT, KEY_BYTES) });
}

export async function verifyPassword(plain: string, stored: string | undefined): Promise<boolean> {
  if (stored !== undefined && stored.startsWith('$2')) return bcrypt.compare(plain, stored);
  const parsed = stored === undefined ? null : parse(stored);
  const h = parsed ?? (await DUMMY);
  const key = await derive(plain, h.salt, h, h.key.length);
  return timingSafeEqual(key, h.key) && parsed !== null;
}

/** Whether a password that just verified against `stored` should be stored again with today's scheme and cost. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.logN !== CURRENT.logN || h.r !== CURRENT.r || h.p !== CURRENT.p || h.key.length !== KEY_BYTES;
}
