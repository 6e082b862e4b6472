/**
 * What bench:scale reads of the machine it runs on, for its checks and its report: the open-files
 * limit, when the product bundle was last built, and the redis-server version.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { MAIN } from '../shared/product-build';

/** The soft `ulimit -n` of this process (inherited by every child). */
export function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line?.trim().split(/\s{2,}/)[1];
  return soft === 'unlimited' ? Infinity : Number(soft);
}

/** The bundle's mtime (0 if missing): a change during the run means other work rebuilt it. */
export function bundleTime(): number {
  try {
    return statSync(MAIN).mtimeMs;
  } catch {
    return 0;
  }
}

export function redisVersion(): string {
  try {
    return execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1] ?? '?';
  } catch {
    return '?';
  }
}
