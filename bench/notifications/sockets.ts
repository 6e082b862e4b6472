/**
 * The agents' /notifications sockets, one per agent: each records when the `notification` of a
 * conversation arrived (one clock, this process) and the last `unread_count` it was pushed.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface AgentSocket {
  socket: Socket;
  /** conversation id → when its notification arrived (performance.now()). */
  received: Map<string, number>;
  unread: number;
  lastPushAt: number;
}

interface Pushed {
  notification: { data?: { conversationId?: string } };
}

export function connectAgents(url: string, tokens: string[]): Promise<AgentSocket[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<AgentSocket>((resolve, reject) => {
          const socket = io(`${url}/notifications`, {
            auth: { token },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            timeout: 30_000,
          });
          const a: AgentSocket = { socket, received: new Map(), unread: -1, lastPushAt: 0 };
          socket.on('notification', ({ notification }: Pushed) => {
            const id = notification.data?.conversationId;
            if (id) a.received.set(id, performance.now());
            a.lastPushAt = performance.now();
          });
          // The first count comes on connect: the socket is in its room by then.
          socket.on('unread_count', ({ count }: { count: number }) => {
            a.unread = count;
            a.lastPushAt = performance.now();
            resolve(a);
          });
          socket.once('connect_error', (err) => reject(new Error(`/notifications connect_error: ${err.message}`)));
        }),
    ),
  );
}

export function closeAll(agents: AgentSocket[]): void {
  for (const a of agents) a.socket.close();
}
