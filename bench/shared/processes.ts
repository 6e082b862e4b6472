/** Child processes of the benchmarks: started, awaited until ready, and always stopped on exit. */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';

const children = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A TypeScript file (absolute path) run in its own Node process with its folder's tsconfig, with an IPC channel. */
export function forkTs(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = fork(file, args, {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, TS_NODE_PROJECT: path.join(path.dirname(file), 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return track(child);
}

export function spawnNode(script: string, env: NodeJS.ProcessEnv, cwd: string, nodeArgs: string[] = []): ChildProcess {
  return track(spawn(process.execPath, [...nodeArgs, script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Resolves when the child prints a line matching `ready`; rejects on exit or timeout. Keeps the last output for errors. */
export function waitForLine(child: ChildProcess, ready: RegExp, timeoutMs: number, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let tail = '';
    const onData = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
      const m = tail.match(ready);
      if (m) done(null, m[0]);
    };
    const onExit = (code: number | null) =>
      done(new Error(`${label} exited (code ${code}) before it was ready:\n${tail}`));
    const timer = setTimeout(() => done(new Error(`${label} not ready after ${timeoutMs} ms:\n${tail}`)), timeoutMs);
    const done = (err: Error | null, line?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(line!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Counts what a child prints, grouped by message (pino JSON: level + first line of msg; ids and
 * numbers blanked), e.g. the product's warnings and errors under load.
 */
export function captureOutput(child: ChildProcess): { summary: () => string[]; clear: () => void } {
  let counts = new Map<string, number>();
  let partial = '';
  const keyOf = (line: string): string => {
    let text = line;
    try {
      const j = JSON.parse(line) as { level?: number; msg?: string; context?: string };
      text = `level ${j.level}${j.context ? ` [${j.context}]` : ''}: ${String(j.msg ?? '').split('\n')[0]}`;
    } catch {
      /* not JSON */
    }
    return text
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
      .replace(/\d+/g, 'N')
      .slice(0, 300);
  };
  const onData = (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      if (!l.trim()) continue;
      const k = keyOf(l);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    summary: () => [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} × ${k}`),
    clear: () => {
      counts = new Map();
    },
  };
}

/** SIGTERM, then SIGKILL after `graceMs`. Only ever this child's own pid. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stop(c)));
}

export function killAllNow(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}
