import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO_ROOT } from './api-process';

export interface OwnPostgres {
  url: string;
  /** Stops the server cleanly (connections are terminated, as in a restart). */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (embedded, its own port and data directory), never the shared
 * one: fault tests stop and start it at will. It runs in a child process (postgres-child.ts).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sb-own-pg-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let url = '';

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', join(__dirname, 'postgres-child.ts'), dataDir, String(port)],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, TS_NODE_PROJECT: join(REPO_ROOT, 'apps/api/tsconfig.spec.json') },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = proc;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start on ${port}:\n${out}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        const ready = /READY (\S+)/.exec(out);
        if (ready) {
          clearTimeout(timer);
          url = ready[1];
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL process exited (${code}):\n${out}`));
      });
    });

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    get url() {
      return url;
    },
    stop,
    start,
    async destroy() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
