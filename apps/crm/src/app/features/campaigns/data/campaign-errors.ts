import { HttpErrorResponse } from '@angular/common/http';
import type { RecipientRowError } from '@switchboard/contracts/types';
import { ApiError, toApiError } from '../../../core/http/api-error';

/** `recipients.3.phone` → the 4th recipient (rows count from 1). */
const RECIPIENT_PATH = /^recipients\.(\d+)(?:\.|$)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object';
}

function rowError(detail: unknown): RecipientRowError | null {
  if (!isRecord(detail) || typeof detail['message'] !== 'string') return null;
  if (typeof detail['row'] === 'number') {
    const row = detail['row'];
    // The table has a row column already: "Row 3: bad number" reads as "bad number" there.
    const message = detail['message'].replace(new RegExp(`^Row ${row}:\\s*`), '');
    return { row, phone: typeof detail['phone'] === 'string' ? detail['phone'] : null, message };
  }
  const match = typeof detail['path'] === 'string' ? RECIPIENT_PATH.exec(detail['path']) : null;
  return match ? { row: Number(match[1]) + 1, phone: null, message: detail['message'] } : null;
}

/**
 * The per-row errors of a rejected create or preview (400 `validation_failed` whose details are
 * `{row, phone, message}`, or schema errors on `recipients.N.*`), in row order. Empty for any
 * other failure.
 */
export function recipientRowErrors(error: unknown): RecipientRowError[] {
  if (!(error instanceof HttpErrorResponse) || !isRecord(error.error)) return [];
  const body = error.error['error'];
  if (!isRecord(body) || body['code'] !== 'validation_failed' || !Array.isArray(body['details'])) return [];
  return body['details']
    .map(rowError)
    .filter((e): e is RecipientRowError => e !== null)
    .sort((a, b) => a.row - b.row);
}

/**
 * Why a campaign could not be loaded (REST or the `subscribe` ack), as the ApiError the view-state
 * shows. An id that cannot be a campaign's (400 on a malformed id) is "no such campaign" as much
 * as an unknown one (404): retrying either can never work.
 */
export function campaignLoadError(error: unknown): ApiError {
  const apiError = toApiError(error);
  return apiError.code === 'validation_failed'
    ? new ApiError('not_found', apiError.message, apiError.status)
    : apiError;
}
