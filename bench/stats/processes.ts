/** The product as a child process: a free port, started, awaited until ready, always stopped. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

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

export function spawnNode(script: string, env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Resolves when the child prints a line matching `ready`; rejects on exit or timeout. */
export function waitForLine(child: ChildProcess, ready: RegExp, timeoutMs: number, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = '';
    const onData = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
      if (ready.test(tail)) done(null);
    };
    const onExit = (code: number | null) => done(new Error(`${label} exited (code ${code}) before it was ready:\n${tail}`));
    const timer = setTimeout(() => done(new Error(`${label} not ready after ${timeoutMs} ms:\n${tail}`)), timeoutMs);
    const done = (err: Error | null) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Counts the lines a child prints (warnings and errors at LOG_LEVEL=warn), grouped by message. */
export function captureOutput(child: ChildProcess): { summary: () => string[]; clear: () => void } {
  let counts = new Map<string, number>();
  let partial = '';
  const onData = (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let text = line;
      try {
        const j = JSON.parse(line) as { level?: number; msg?: string; context?: string };
        text = `level ${j.level}${j.context ? ` [${j.context}]` : ''}: ${String(j.msg ?? '').split('\n')[0]}`;
      } catch {
        /* not JSON */
      }
      const key = text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+/g, 'N').slice(0, 300);
      counts.set(key, (counts.get(key) ?? 0) + 1);
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
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function killAllNow(): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}
