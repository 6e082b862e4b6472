import { z } from 'zod';
import { errorBodySchema, type ErrorBody } from './errors.schema';

/** Socket.IO acknowledgement: every client → server event is answered with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ackSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorBodySchema }),
  ]);

/** Messages the server puts in `connect_error` when it refuses a handshake. */
export const handshakeErrors = ['unauthorized', 'forbidden'] as const;
export type HandshakeError = (typeof handshakeErrors)[number];
