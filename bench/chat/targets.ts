/**
 * The server each target measures: the bare Socket.IO relay, or the product on a fresh database
 * with its staff and widget sessions created. Either can be restarted between steps.
 */
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, type BenchDatabase } from '../shared/bench-database';
import {
  ensureBuilt,
  setUpScenario,
  startProduct,
  type ConversationSockets,
  type RunningProduct,
  type StaffKind,
} from './product';
import { forkTs, stop, waitForLine, freePort } from '../shared/processes';
import { isRelay, type TargetName } from './scenario';

export interface Target {
  url: string;
  serverPid: number;
  db?: BenchDatabase;
  plan: ConversationSockets[];
  log: () => string[];
  /** A fresh server process (same database and secret): used when one is still busy with an earlier step's backlog. */
  restart: () => Promise<void>;
}

/** Registers what the run must undo once this target is done (or the run is interrupted). */
export type RegisterCleanup = (cleanup: () => Promise<void>) => void;

async function startBare(conversations: number, onCleanup: RegisterCleanup): Promise<Target> {
  let stopCurrent: () => Promise<void> = async () => undefined;
  const target: Target = {
    url: '',
    serverPid: 0,
    plan: Array.from({ length: conversations }, (_, i) => ({
      conversationId: `c${i}`,
      customerToken: '',
      staffTokens: ['', '', ''],
    })),
    log: () => [],
    restart: async () => {
      await stopCurrent();
      const port = await freePort();
      const child = forkTs(path.join(__dirname, 'bare-relay.ts'), [], { PORT: String(port) });
      stopCurrent = () => stop(child, 3000);
      await waitForLine(child, /bare relay listening on \d+/, 30_000, 'the bare relay');
      target.url = `http://127.0.0.1:${port}`;
      target.serverPid = child.pid!;
    },
  };
  onCleanup(() => stopCurrent());
  await target.restart();
  return target;
}

const STAFF_OF: Record<Exclude<TargetName, 'bare' | 'bare-shared'>, StaffKind> = {
  product: 'assigned',
  'product-shared': 'shared',
  'product-fanout': 'fanout',
};

async function startProductTarget(
  conversations: number,
  staff: StaffKind,
  onCleanup: RegisterCleanup,
): Promise<Target> {
  ensureBuilt();
  const db = await createDatabase('chat');
  onCleanup(() => dropDatabase(db));
  const secret = randomBytes(24).toString('hex');
  let product: RunningProduct | null = null;
  const logs: string[] = [];
  onCleanup(async () => {
    if (product) await stop(product.child, 20_000);
  });
  const target: Target = {
    url: '',
    serverPid: 0,
    db,
    plan: [],
    log: () => [...logs, ...(product?.log.summary() ?? [])],
    restart: async () => {
      if (product) {
        logs.push(...product.log.summary());
        await stop(product.child, 5000);
      }
      product = await startProduct(db, secret);
      target.url = product.url;
      target.serverPid = product.child.pid!;
    },
  };
  await target.restart();
  const t0 = Date.now();
  target.plan = await setUpScenario(target.url, conversations, staff);
  console.log(
    `  created the staff users and ${conversations} widget sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return target;
}

export function startTarget(name: TargetName, conversations: number, onCleanup: RegisterCleanup): Promise<Target> {
  return isRelay(name)
    ? startBare(conversations, onCleanup)
    : startProductTarget(conversations, STAFF_OF[name], onCleanup);
}
