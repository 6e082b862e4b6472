import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { coalesceWrites } from '../../src/app/common/realtime/write-coalescing';
import { eventually } from '../support/test-app';

/** A plain Socket.IO server with the product's write coalescing, and the TCP writes of each connection counted. */
async function startServer(): Promise<{
  io: Server;
  http: HttpServer;
  url: string;
  writes: () => number;
  connected: () => ServerSocket;
}> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  coalesceWrites(io);
  let last: ServerSocket | null = null;
  io.on('connection', (s) => (last = s));
  let writes = 0;
  http.on('connection', (tcp: TcpSocket) => {
    // Every system call Node makes for this socket goes through one of these two.
    const internals = tcp as unknown as { _write: (...a: unknown[]) => unknown; _writev: (...a: unknown[]) => unknown };
    const write = internals._write.bind(tcp);
    const writev = internals._writev.bind(tcp);
    internals._write = (...a) => (writes++, write(...a));
    internals._writev = (...a) => (writes++, writev(...a));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    io,
    http,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    writes: () => writes,
    connected: () => last as unknown as ServerSocket,
  };
}

describe('Socket.IO write coalescing', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let client: ClientSocket;

  beforeEach(async () => {
    server = await startServer();
    client = connect(server.url, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });
  afterEach(async () => {
    client.disconnect();
    await server.io.close();
  });

  it('what one connection is sent within a tick leaves in one write, complete and in order', async () => {
    const socket = server.connected();
    const received: number[] = [];
    client.on('n', (i: number) => received.push(i));
    const before = server.writes();
    for (let i = 0; i < 50; i++) socket.emit('n', i);
    await eventually(() => expect(received).toHaveLength(50));
    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(server.writes() - before).toBe(1);
  });

  it('what is sent in separate ticks is not held back', async () => {
    const socket = server.connected();
    const received: number[] = [];
    client.on('n', (i: number) => received.push(i));
    for (let i = 0; i < 3; i++) {
      socket.emit('n', i);
      await eventually(() => expect(received).toHaveLength(i + 1));
    }
    expect(received).toEqual([0, 1, 2]);
  });

  it('acks and room broadcasts of one tick share the write too', async () => {
    const received: string[] = [];
    client.on('update', (s: string) => received.push(s));
    const socket = server.connected();
    socket.join('room');
    socket.on('ping-me', (_: unknown, ack: (r: string) => void) => {
      ack('pong');
      server.io.to('room').emit('update', 'a');
      server.io.to('room').emit('update', 'b');
    });
    const before = server.writes();
    const answer = await client.emitWithAck('ping-me', {});
    await eventually(() => expect(received).toEqual(['a', 'b']));
    expect(answer).toBe('pong');
    expect(server.writes() - before).toBe(1);
  });
});
