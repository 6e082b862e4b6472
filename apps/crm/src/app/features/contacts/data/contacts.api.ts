import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ContactDetail, ContactPage, UpdateContact } from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';

export interface ContactQuery {
  q?: string;
  limit?: number;
  cursor?: string | null;
}

/** /api/contacts: the contacts of conversations the caller may see, and what staff change in them. */
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);

  list(query: ContactQuery = {}): Promise<ContactPage> {
    const params: Record<string, string> = {};
    if (query.q) params['q'] = query.q;
    if (query.limit) params['limit'] = String(query.limit);
    if (query.cursor) params['cursor'] = query.cursor;
    return firstValueFrom(this.http.get<ContactPage>('/api/contacts', { params }));
  }

  get(id: string): Promise<ContactDetail> {
    return firstValueFrom(this.http.get<ContactDetail>(`/api/contacts/${id}`));
  }

  update(id: string, body: UpdateContact): Promise<ContactDetail> {
    return firstValueFrom(this.http.patch<ContactDetail>(`/api/contacts/${id}`, body));
  }

  /** Moves `id`'s conversations to `intoContactId`; answers the contact that remains. */
  merge(id: string, intoContactId: string): Promise<ContactDetail> {
    return firstValueFrom(this.http.post<ContactDetail>(`/api/contacts/${id}/merge`, { intoContactId }));
  }
}
