import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  UserList,
  UserWithPresence,
} from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';

const USERS = '/api/users';

/**
 * The staff users' REST routes: GET /api/users with presence; for admins POST /api/users,
 * PATCH /api/users/:id and POST /api/users/:id/password.
 */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  members(): Promise<UserList> {
    return firstValueFrom(this.http.get<UserList>(USERS));
  }

  create(member: CreateUserRequest): Promise<User> {
    return firstValueFrom(this.http.post<User>(USERS, member));
  }

  /** Rename, change the role, deactivate or reactivate; answers the member as they are now. */
  update(id: string, patch: UpdateUserRequest): Promise<UserWithPresence> {
    return firstValueFrom(this.http.patch<UserWithPresence>(`${USERS}/${encodeURIComponent(id)}`, patch));
  }

  setPassword(id: string, password: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`${USERS}/${encodeURIComponent(id)}/password`, { password }));
  }
}
