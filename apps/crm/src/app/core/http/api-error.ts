import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorCode, FieldError } from '@switchboard/contracts/types';
import { RealtimeError } from '../realtime/realtime.types';

/** `network` when the server could not be reached; the API's own codes otherwise. */
export type ApiErrorCode = ErrorCode | 'network' | 'unknown';

/**
 * A failed REST call, reduced to what the UI shows: the API's `message` (already meant for
 * people) and its per-field `details`. `message` is empty when the server gave none (network
 * failures): the UI then shows its own translated text for `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly details: FieldError[] = [],
    /** With `rate_limited`: how long the server asks us to wait; null when it did not say. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field (`email`, `contact.phone`), if the API named it. */
  fieldMessage(path: string): string | null {
    return this.details.find((d) => d.path === path)?.message ?? null;
  }
}

function isErrorBody(
  value: unknown,
): value is { error: { code: ErrorCode; message: string; details?: FieldError[]; retryAfterSeconds?: unknown } } {
  if (!value || typeof value !== 'object' || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Turns whatever an HTTP call or a socket emit threw into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof RealtimeError) {
    // Not connected, or no answer: the server could not be reached, as a REST network failure.
    if (error.code === 'offline' || error.code === 'timeout') return new ApiError('network', '', 0);
    return new ApiError(error.code, error.message, 0, [...error.details]);
  }
  if (error instanceof HttpErrorResponse) {
    if (isErrorBody(error.error)) {
      const body = error.error.error;
      const details = Array.isArray(body.details) ? body.details : [];
      return new ApiError(
        body.code,
        body.message,
        error.status,
        details,
        seconds(body.retryAfterSeconds) ?? retryAfterHeader(error),
      );
    }
    return new ApiError(error.status === 0 ? 'network' : 'unknown', '', error.status, [], retryAfterHeader(error));
  }
  return new ApiError('unknown', '', 0);
}

function seconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * The body's `retryAfterSeconds` comes first; `Retry-After` covers a 429 without our error body
 * (from a proxy in front of the API). Its HTTP-date form is left out: clocks disagree.
 */
function retryAfterHeader(error: HttpErrorResponse): number | null {
  if (error.status !== 429) return null;
  const header = error.headers?.get('Retry-After');
  return header && /^\d+$/.test(header.trim()) ? seconds(Number(header.trim())) : null;
}
