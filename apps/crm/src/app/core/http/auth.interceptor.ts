import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { LOGIN_URL } from '../auth/auth.api';
import { AuthStore } from '../auth/auth.store';

/** Only our own API gets the token: never a third-party URL. */
function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/**
 * Adds `Authorization: Bearer <token>` to every /api request and ends the session when the API answers
 * 401 (expired or revoked token) to anything but the login call itself. A request that already
 * carries its own Authorization (the widget's contact token) is left alone.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url) || request.headers.has('Authorization')) return next(request);

  const auth = inject(AuthStore);
  const token = auth.token();
  const authorised = token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && request.url !== LOGIN_URL) {
        auth.expire();
      }
      return throwError(() => error);
    }),
  );
};
