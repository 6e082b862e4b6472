import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { WidgetSessionRequest, WidgetSessionResponse } from './widget.types';

@Injectable({ providedIn: 'root' })
export class WidgetApi {
  private readonly http = inject(HttpClient);

  /** A contact token and the contact's conversation (no login). */
  startSession(request: WidgetSessionRequest): Promise<WidgetSessionResponse> {
    return firstValueFrom(this.http.post<WidgetSessionResponse>('/api/widget/sessions', request));
  }
}
