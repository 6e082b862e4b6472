import type { Ack } from '@switchboard/contracts/types';
import type { TransportSocket } from './realtime-transport';
import { RealtimeError } from './realtime.types';

function isAck(value: unknown): value is Ack<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Emits an event that the server acknowledges: resolves with the ack's `data`, rejects with a
 * RealtimeError carrying the server's code (or `timeout`, or `internal` for an answer that is not
 * an ack).
 */
export function acknowledged<T>(
  socket: TransportSocket,
  event: string,
  payload: unknown,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new RealtimeError('timeout', `No answer to ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.emit(event, payload, (ack: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!isAck(ack)) reject(new RealtimeError('internal', `Malformed acknowledgement to ${event}`));
      else if (ack.ok) resolve(ack.data as T);
      else reject(new RealtimeError(ack.error.code, ack.error.message, ack.error.details ?? []));
    });
  });
}
