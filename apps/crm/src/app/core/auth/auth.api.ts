import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, User } from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';

export const LOGIN_URL = '/api/auth/login';
export const LOGOUT_URL = '/api/auth/logout';
export const ME_URL = '/api/auth/me';
export const PASSWORD_URL = '/api/auth/password';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(credentials: LoginRequest): Promise<LoginResponse> {
    return firstValueFrom(this.http.post<LoginResponse>(LOGIN_URL, credentials));
  }

  me(): Promise<User> {
    return firstValueFrom(this.http.get<User>(ME_URL));
  }

  /**
   * Ends the session of `token` on the server. The token goes in its own header: the session is
   * already gone here by then, and a 401 (the session had ended anyway) must not count as this
   * tab's session expiring, which by then may be a new one.
   */
  logout(token: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(LOGOUT_URL, null, { headers: { Authorization: `Bearer ${token}` } }));
  }

  /** Changes the signed-in user's password; the server ends their other sessions. */
  changePassword(request: ChangePasswordRequest): Promise<void> {
    return firstValueFrom(this.http.post<void>(PASSWORD_URL, request));
  }
}
