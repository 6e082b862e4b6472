import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const REPO_ROOT = join(__dirname, '../../../..');
export const API_MAIN = join(REPO_ROOT, 'dist/apps/api/main.js');

export interface ApiProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the output once `text` appears, rejects if the process exits first. */
  waitFor(text: string | RegExp, ms?: number): Promise<string>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built api (`node dist/apps/api/main.js`) as `npm start` does, in its own process. */
export function startApiProcess(env: Record<string, string>): ApiProcess {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the api first (npx nx build api)`);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    output: () => out,
    exited,
    waitFor(text, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (typeof text === 'string' ? out.includes(text) : text.test(out)) return resolve(out);
          if (child.exitCode !== null)
            return reject(new Error(`api exited (${child.exitCode}) before "${text}":\n${out}`));
          if (Date.now() - started > ms) return reject(new Error(`no "${text}" within ${ms} ms:\n${out}`));
          setTimeout(tick, 50);
        };
        tick();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A TCP port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
