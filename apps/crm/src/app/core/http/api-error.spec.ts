import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { RealtimeError } from '../realtime/realtime.types';
import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it("keeps the API's code, message and field details from an HTTP error body", () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 400,
        error: {
          error: { code: 'validation_failed', message: 'Bad', details: [{ path: 'email', message: 'not an email' }] },
        },
      }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', message: 'Bad', status: 400 });
    expect(error.fieldMessage('email')).toBe('not an email');
    expect(toApiError(new HttpErrorResponse({ status: 0 })).code).toBe('network');
  });

  it('reads a refused socket emit the same way, and a socket that is down or silent as a network failure', () => {
    const refused = toApiError(
      new RealtimeError('not_found', 'No such conversation', [{ path: 'conversationId', message: 'unknown' }]),
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'not_found', message: 'No such conversation' });
    expect(refused.fieldMessage('conversationId')).toBe('unknown');
    for (const code of ['offline', 'timeout'] as const) {
      expect(toApiError(new RealtimeError(code, 'Not connected to /chat'))).toMatchObject({
        code: 'network',
        message: '',
      });
    }
    expect(toApiError(new Error('boom')).code).toBe('unknown');
  });

  it('carries how long a rate limit asks to wait, from the body or else from Retry-After', () => {
    const limited = (body: unknown, headers?: Record<string, string>) =>
      toApiError(new HttpErrorResponse({ status: 429, error: body, headers: new HttpHeaders(headers) }));
    const body = (retryAfterSeconds?: number) => ({
      error: {
        code: 'rate_limited',
        message: 'Too many requests',
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
    });

    expect(limited(body(42), { 'Retry-After': '7' })).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 42 });
    expect(limited(body(), { 'Retry-After': '7' }).retryAfterSeconds).toBe(7);
    expect(limited('<html>Too Many Requests</html>', { 'Retry-After': '12' })).toMatchObject({
      code: 'unknown',
      retryAfterSeconds: 12,
    });
    expect(limited(body(), { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }).retryAfterSeconds).toBeNull();
    expect(limited(body()).retryAfterSeconds).toBeNull();
    expect(toApiError(new HttpErrorResponse({ status: 0 })).retryAfterSeconds).toBeNull();
  });
});
