import { HttpErrorResponse } from '@angular/common/http';
import { RealtimeError } from '../realtime/realtime.types';
import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the API\'s code, message and field details from an HTTP error body', () => {
    const error = toApiError(
      new HttpErrorResponse({ status: 400, error: { error: { code: 'validation_failed', message: 'Bad', details: [{ path: 'email', message: 'not an email' }] } } }),
    );
    expect(error).toMatchObject({ code: 'validation_failed', message: 'Bad', status: 400 });
    expect(error.fieldMessage('email')).toBe('not an email');
    expect(toApiError(new HttpErrorResponse({ status: 0 })).code).toBe('network');
  });

  it('reads a refused socket emit the same way, and a socket that is down or silent as a network failure', () => {
    const refused = toApiError(new RealtimeError('not_found', 'No such conversation', [{ path: 'conversationId', message: 'unknown' }]));
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'not_found', message: 'No such conversation' });
    expect(refused.fieldMessage('conversationId')).toBe('unknown');
    for (const code of ['offline', 'timeout'] as const) {
      expect(toApiError(new RealtimeError(code, 'Not connected to /chat'))).toMatchObject({ code: 'network', message: '' });
    }
    expect(toApiError(new Error('boom')).code).toBe('unknown');
  });
});
