import { z } from 'zod';

/** Every error code the API may answer with, and the HTTP status that carries it. */
export const errorCodes = [
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal',
  'unavailable',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const httpStatusByErrorCode: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  /** A dependency (the database) does not answer: nothing was stored, try again shortly. */
  unavailable: 503,
};

/** One bad field: `path` is dotted (`contact.email`, `recipients.3.phone`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.array(fieldErrorSchema).optional(),
  /** With `rate_limited`: how long to wait before trying again (REST also sends `Retry-After`). */
  retryAfterSeconds: z.number().int().min(1).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The body of every non-2xx REST answer. */
export const errorResponseSchema = z.object({ error: errorBodySchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
