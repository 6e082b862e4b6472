/**
 * The baseline: a bare Socket.IO relay. `join` puts the socket in a room; `msg` is re-emitted to
 * everyone in that room (the sender too, as the product's room broadcast does) and acknowledged.
 * No auth, no validation, no database. Run as its own process: PORT=… prints "bare relay listening".
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false, pingInterval: 20_000, pingTimeout: 20_000 });
const chat = io.of('/chat');

chat.on('connection', (socket) => {
  socket.on('join', (body: { conversationId: string }, ack?: (r: unknown) => void) => {
    void socket.join(`conversation:${body.conversationId}`);
    ack?.({ ok: true, data: {} });
  });
  socket.on('msg', (body: { conversationId: string }, ack?: (r: unknown) => void) => {
    chat.to(`conversation:${body.conversationId}`).emit('msg', { message: body });
    ack?.({ ok: true, data: { message: body } });
  });
});

http.listen(port, '127.0.0.1', () => {
  console.log(`bare relay listening on ${(http.address() as { port: number }).port}`);
});
const close = () => io.close(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
