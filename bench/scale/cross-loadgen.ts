/**
 * The chat benchmark's load generator (bench/chat/loadgen.ts, unchanged) with one difference:
 * staff sockets connect to SCALE_RECEIVER_URL (node B) while customers connect to the setup URL
 * (node A). Senders and receivers stay in one process, so send→deliver latency is still measured
 * on one clock, and every delivery crosses nodes through the Redis adapter.
 */
import type { SetupMessage } from '../chat/loadgen';

const receiverUrl = process.env.SCALE_RECEIVER_URL;
if (!receiverUrl) throw new Error('SCALE_RECEIVER_URL is not set');

const staffTokens = new Set<string>();
let senderUrl = '';
// Registered before the load generator's own listener, so it sees `setup` first.
process.on('message', (msg: { type: string }) => {
  if (msg.type !== 'setup') return;
  const setup = msg as SetupMessage;
  senderUrl = setup.url;
  for (const c of setup.conversations) for (const t of c.staffTokens) staffTokens.add(t);
});

// loadgen.ts calls `io(...)` through the module's exports object at call time, so replacing the
// property routes its staff sockets; customers (contact tokens) keep node A.
const client = require('socket.io-client') as { io: (uri: string, opts?: { auth?: { token?: string } }) => unknown };
const original = client.io;
const routed = { toB: 0, toA: 0 };
client.io = (uri, opts) => {
  const token = opts?.auth?.token;
  if (token && staffTokens.has(token) && uri.startsWith(senderUrl)) {
    if (++routed.toB === staffTokens.size)
      process.stderr.write(
        `cross-node: ${routed.toA} customer sockets on ${senderUrl}, staff sockets on ${receiverUrl}\n`,
      );
    return original(receiverUrl + uri.slice(senderUrl.length), opts);
  }
  routed.toA++;
  return original(uri, opts);
};

require('../chat/loadgen');
