import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Stats } from '@switchboard/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  stats(): Observable<Stats> {
    return this.http.get<Stats>('/api/stats');
  }
}
