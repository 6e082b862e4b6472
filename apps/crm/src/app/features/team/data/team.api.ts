import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, User, UserList } from '@switchboard/contracts';
import { firstValueFrom } from 'rxjs';

const USERS = '/api/users';

/** The staff users' REST routes (CONTRACT.md: GET /api/users with presence, POST /api/users for admins). */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  members(): Promise<UserList> {
    return firstValueFrom(this.http.get<UserList>(USERS));
  }

  create(member: CreateUserRequest): Promise<User> {
    return firstValueFrom(this.http.post<User>(USERS, member));
  }
}
