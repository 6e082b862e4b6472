import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CannedResponse,
  CannedResponsePage,
  CreateCannedResponse,
  UpdateCannedResponse,
} from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';

export interface CannedQuery {
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** The team's canned replies (/api/canned-responses): every agent, supervisor and admin may change them. */
@Injectable({ providedIn: 'root' })
export class CannedResponsesApi {
  private readonly http = inject(HttpClient);

  list(query: CannedQuery = {}): Promise<CannedResponsePage> {
    const params: Record<string, string> = {};
    if (query.q) params['q'] = query.q;
    if (query.limit) params['limit'] = String(query.limit);
    if (query.cursor) params['cursor'] = query.cursor;
    return firstValueFrom(this.http.get<CannedResponsePage>('/api/canned-responses', { params }));
  }

  create(body: CreateCannedResponse): Promise<CannedResponse> {
    return firstValueFrom(this.http.post<CannedResponse>('/api/canned-responses', body));
  }

  update(id: string, body: UpdateCannedResponse): Promise<CannedResponse> {
    return firstValueFrom(this.http.patch<CannedResponse>(`/api/canned-responses/${id}`, body));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/canned-responses/${id}`));
  }
}
