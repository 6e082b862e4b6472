import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Campaign } from '@switchboard/contracts';
import { map, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CampaignsApi {
  private readonly http = inject(HttpClient);

  /** Campaigns, newest first. The list is `{items}` like every other list of the API. */
  list(): Observable<Campaign[]> {
    return this.http.get<{ items: Campaign[] }>('/api/bulk-campaigns').pipe(map((page) => page.items));
  }
}
