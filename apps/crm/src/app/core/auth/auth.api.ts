import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LoginRequest, LoginResponse, User } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';

export const LOGIN_URL = '/api/auth/login';
export const ME_URL = '/api/auth/me';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(credentials: LoginRequest): Promise<LoginResponse> {
    return firstValueFrom(this.http.post<LoginResponse>(LOGIN_URL, credentials));
  }

  me(): Promise<User> {
    return firstValueFrom(this.http.get<User>(ME_URL));
  }
}
