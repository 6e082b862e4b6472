import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('passwords', () => {
  it('are stored as salted scrypt hashes that only the right password matches', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$14\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('an unknown account and a damaged hash match nothing', async () => {
    expect(await verifyPassword('switchboard-timing-equaliser', undefined)).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$14$8$1$$')).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('bcrypt hashes from before still verify, and are due for a rehash', async () => {
    const legacy = bcrypt.hashSync('old password 1', 4);
    expect(await verifyPassword('old password 1', legacy)).toBe(true);
    expect(await verifyPassword('old password 2', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('a hash at another cost is due for a rehash', async () => {
    const stored = await hashPassword('some password');
    expect(needsRehash(stored.replace('scrypt$14$', 'scrypt$15$'))).toBe(true);
  });
});
