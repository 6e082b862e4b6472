/**
 * The chat benchmark's load generator (bench/chat/loadgen.ts, unchanged) with one difference:
 * each socket connects to its node of SCALE_NODE_URLS (comma list; node 0 is the setup URL).
 * A conversation's `senderNode` / `staffNodes` (see SpreadConversation) say where; without them
 * customers stay on node 0 and staff sockets go to node 1. Senders and receivers stay in one
 * process, so send→deliver latency is still measured on one clock, and a delivery whose sockets
 * are on different nodes crosses them through the Redis adapter.
 */
import type { SetupMessage } from '../chat/loadgen';
import type { SpreadConversation } from './chat-steps';

const nodeUrls = (process.env.SCALE_NODE_URLS ?? '').split(',').filter(Boolean);
if (!nodeUrls.length) throw new Error('SCALE_NODE_URLS is not set');

/** Per token, the nodes of its sockets in the order the load generator opens them (customers, then staff). */
const queues = new Map<string, number[]>();
const opened = {
  customers: new Array<number>(nodeUrls.length).fill(0),
  staff: new Array<number>(nodeUrls.length).fill(0),
};
const staffTokens = new Set<string>();
let setupUrl = '';
let pending = 0;

function enqueue(token: string, node: number): void {
  if (node < 0 || node >= nodeUrls.length) throw new Error(`node ${node} is not in SCALE_NODE_URLS`);
  const q = queues.get(token) ?? [];
  q.push(node);
  queues.set(token, q);
  pending++;
}

/** Mirrors loadgen.ts's setup: a customer socket per conversation, then the staff jobs (shared: conversation 0's). */
function plan(setup: SetupMessage): void {
  setupUrl = setup.url;
  const conversations = setup.conversations as SpreadConversation[];
  for (const c of conversations) enqueue(c.customerToken, c.senderNode ?? 0);
  const defaultStaff = nodeUrls.length > 1 ? 1 : 0;
  for (const c of setup.shared ? conversations.slice(0, 1) : conversations)
    c.staffTokens.forEach((t, d) => {
      staffTokens.add(t);
      enqueue(t, c.staffNodes?.[d] ?? defaultStaff);
    });
}

// Registered before the load generator's own listener, so it sees `setup` first.
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'setup') plan(msg as SetupMessage);
});

const spreadLine = () =>
  nodeUrls
    .map((u, i) => `node ${i + 1} (${u}): ${opened.customers[i]} customer + ${opened.staff[i]} staff sockets`)
    .join('; ');

// loadgen.ts calls `io(...)` through the module's exports object at call time, so replacing the
// property routes its sockets.
const client = require('socket.io-client') as { io: (uri: string, opts?: { auth?: { token?: string } }) => unknown };
const original = client.io;
client.io = (uri, opts) => {
  const token = opts?.auth?.token ?? '';
  const node = queues.get(token)?.shift() ?? 0;
  (staffTokens.has(token) ? opened.staff : opened.customers)[node]++;
  if (--pending === 0) process.stderr.write(`spread: ${spreadLine()}\n`);
  if (!uri.startsWith(setupUrl)) return original(uri, opts);
  return original(nodeUrls[node] + uri.slice(setupUrl.length), opts);
};

require('../chat/loadgen');
