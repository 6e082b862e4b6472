import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Campaign,
  CampaignPage,
  CampaignPreview,
  CampaignStatus,
  RecipientPage,
  RecipientStatus,
  TemplateList,
} from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';
import type { CampaignRequest } from './campaign-request';

export interface CampaignListQuery {
  status?: CampaignStatus;
  limit?: number;
  cursor?: string | null;
}

export interface RecipientQuery {
  status?: RecipientStatus;
  limit?: number;
  cursor?: string | null;
}

export type CampaignAction = 'pause' | 'resume' | 'cancel';

const BASE = '/api/bulk-campaigns';

function params(query: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) out[key] = String(value);
  return out;
}

/**
 * The bulk-campaign REST routes (`bulkRoutes`, docs/protocol.md). Create and preview go out as JSON
 * or, with a CSV file, as multipart/form-data; the interceptor adds the bearer token to both.
 */
@Injectable({ providedIn: 'root' })
export class CampaignsApi {
  private readonly http = inject(HttpClient);

  list(query: CampaignListQuery = {}): Promise<CampaignPage> {
    return firstValueFrom(this.http.get<CampaignPage>(BASE, { params: params(query) }));
  }

  get(id: string): Promise<Campaign> {
    return firstValueFrom(this.http.get<Campaign>(`${BASE}/${id}`));
  }

  recipients(id: string, query: RecipientQuery = {}): Promise<RecipientPage> {
    return firstValueFrom(this.http.get<RecipientPage>(`${BASE}/${id}/recipients`, { params: params(query) }));
  }

  /** The recipients as CSV (phone, name, status, attempts, error); fetched with the token, so as a Blob. */
  recipientsCsv(id: string, status?: RecipientStatus): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${BASE}/${id}/recipients.csv`, { params: params({ status }), responseType: 'blob' }),
    );
  }

  /** The approved WhatsApp templates a campaign can go out as. */
  templates(): Promise<TemplateList> {
    return firstValueFrom(this.http.get<TemplateList>('/api/channels/templates'));
  }

  /** The upload rows left out at creation as CSV (row, phone, name, reason), as a Blob. */
  skippedCsv(id: string): Promise<Blob> {
    return firstValueFrom(this.http.get(`${BASE}/${id}/skipped.csv`, { responseType: 'blob' }));
  }

  preview(request: CampaignRequest): Promise<CampaignPreview> {
    return firstValueFrom(this.http.post<CampaignPreview>(`${BASE}/preview`, request.body));
  }

  create(request: CampaignRequest): Promise<Campaign> {
    return firstValueFrom(this.http.post<Campaign>(BASE, request.body));
  }

  act(id: string, action: CampaignAction): Promise<Campaign> {
    return firstValueFrom(this.http.post<Campaign>(`${BASE}/${id}/${action}`, {}));
  }
}
