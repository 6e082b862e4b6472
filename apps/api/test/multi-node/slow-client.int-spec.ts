import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { collect, connected, emitAck, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, startWidgetChat, type Staff } from '../chat/chat-fixture';

const LIMIT = 1024 * 1024;
const CONTENT = 'x'.repeat(9_000);
/** The biggest packet the stalled client gets here: a new_message with CONTENT and its envelope. */
const PACKET_ALLOWANCE = 16 * 1024;
/** The guard tolerates up to twice the limit for a connection that still drains. */
const HARD_LIMIT = 2 * LIMIT;

/** What the server holds for one engine.io connection: its write buffer plus the WebSocket's. */
interface EngineSocketInternals {
  writeBuffer: { data?: unknown }[];
  transport: { socket?: { bufferedAmount?: number } };
}
const heldFor = (raw: EngineSocketInternals) =>
  raw.writeBuffer.reduce((n, p) => n + (typeof p.data === 'string' ? p.data.length : 0), 0) +
  (raw.transport.socket?.bufferedAmount ?? 0);

/** The client's TCP socket under socket.io-client's WebSocket: pausing it stops reading from the kernel. */
const tcpOf = (socket: Socket) =>
  (socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;

/**
 * A client that stops reading (a frozen tab, a dead mobile link that still ACKs nothing) must not
 * make the server queue everything sent to it until the heartbeat gives up 40 s later.
 */
describe('a client that stops reading', () => {
  jest.setTimeout(90_000);
  let app: TestApp;
  let agent: Staff;
  let writer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ SOCKET_MAX_BUFFERED_BYTES: String(LIMIT), RATE_LIMIT_MESSAGES_PER_SECOND: '100000' });
    agent = await app.createUser('agent', 'Stalled Agent');
    writer = await app.createUser('supervisor', 'Busy Writer');
  });
  afterAll(() => app?.close());

  it('is disconnected once what waits for it passes SOCKET_MAX_BUFFERED_BYTES; the server never holds more; it catches up after', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const stalled = await joinedSocket(app, agent.token, id);
    const reader = await joinedSocket(app, writer.token, id);
    expect(reader.connected).toBe(true);
    const seenByStalled = collect<{ message: { seq: number } }>(stalled, 'new_message');
    const seenByReader = collect<{ message: { seq: number } }>(reader, 'new_message');
    const ns = app.chatNamespace();
    const engineId = stalled.io.engine.id;
    const clients = (ns.server.engine as unknown as { clients: Record<string, EngineSocketInternals> }).clients;
    expect(clients[engineId]).toBeDefined();

    // Sample what the server holds for the stalled client all along.
    let maxHeld = 0;
    const sampler = setInterval(() => {
      const raw = clients[engineId];
      if (raw) maxHeld = Math.max(maxHeld, heldFor(raw));
    }, 2);

    tcpOf(stalled).pause();
    let sent = 0;
    try {
      // 40 MB at most, far past the kernel's buffers; stop early once the server has dropped it.
      // Sent over REST, a few at a time, so the witness socket (in this same process) keeps reading.
      const post = () =>
        app
          .http('POST', `/api/conversations/${id}/messages`, {
            token: writer.token,
            body: { clientMessageId: randomUUID(), content: CONTENT },
          })
          .then((r) => {
            if (r.status !== 201) throw new Error(`send failed: ${r.status} ${r.text}`);
          });
      while (sent < 4_500 && clients[engineId]) {
        await Promise.all(Array.from({ length: 8 }, post));
        sent += 8;
      }
      await eventually(() => expect(clients[engineId]).toBeUndefined(), 5_000);
    } finally {
      clearInterval(sampler);
    }

    expect(sent).toBeLessThan(4_500);
    expect(maxHeld).toBeGreaterThan(0);
    expect(maxHeld).toBeLessThanOrEqual(HARD_LIMIT + PACKET_ALLOWANCE);
    // Everyone else was served in full meanwhile.
    await eventually(() => expect(seenByReader).toHaveLength(sent), 10_000);

    // Reading again, the client learns it was disconnected, reconnects and catches up from its last seq.
    const disconnected = new Promise<void>((resolve) => stalled.once('disconnect', () => resolve()));
    tcpOf(stalled).resume();
    await disconnected;
    const lastSeen = seenByStalled.at(-1)?.message.seq ?? 0;
    const again = await connected(app.socket('/chat', { token: agent.token }));
    const catchUp = await emitAck(again, 'join_conversation', { conversationId: id, afterSeq: lastSeen });
    expect(catchUp.ok).toBe(true);
    const seqs = [
      ...seenByStalled.map((e) => e.message.seq),
      ...catchUp.data.messages.map((m: { seq: number }) => m.seq),
    ];
    expect(seqs).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
    await sleep(50);
  });
});
