import type { ErrorCode, FieldError } from '@switchboard/contracts';

const defaultMessages: Record<ErrorCode, string> = {
  unauthorized: 'Authentication required',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  validation_failed: 'The request is not valid',
  conflict: 'Conflict',
  payload_too_large: 'The request is too large',
  rate_limited: 'Too many requests, slow down',
  internal: 'Something went wrong on our side',
  unavailable: 'The database is not answering; nothing was saved. Try again in a moment',
};

/** The one exception services throw; filters turn it into the HTTP body or the error ack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: FieldError[],
    /** With `rate_limited`: when trying again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? defaultMessages[code]);
  }

  static defaultMessage(code: ErrorCode): string {
    return defaultMessages[code];
  }
}
