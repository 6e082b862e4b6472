/** The built product both benchmarks run: `dist/apps/api/main.js`, built on demand, and which build it was. */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const MAIN = path.join(ROOT, 'dist/apps/api/main.js');

export function ensureBuilt(): void {
  if (existsSync(MAIN)) return;
  console.log('dist/apps/api/main.js missing: npx nx build api');
  execFileSync('npx', ['nx', 'build', 'api', '--output-style=static'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
}

/** Which build was measured: the bundle's time, the commit, and whether apps/api or libs had changes. */
export function buildInfo(): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).trim();
    } catch {
      return '';
    }
  };
  const built = existsSync(MAIN) ? statSync(MAIN).mtime.toISOString().replace(/\.\d+Z$/, 'Z') : 'missing';
  const dirty = git('status', '--porcelain', '--', 'apps/api', 'libs').length > 0;
  return `dist/apps/api/main.js built ${built}; HEAD ${git('rev-parse', '--short', 'HEAD') || '?'}${dirty ? ' (apps/api or libs had uncommitted changes)' : ''}`;
}
