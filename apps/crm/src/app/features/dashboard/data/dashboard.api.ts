import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Stats, StatsCharts } from '@switchboard/contracts/types';
import type { Observable } from 'rxjs';

/** The dashboard's REST snapshots (GET /api/stats, GET /api/stats/charts; docs/protocol.md). */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  stats(): Observable<Stats> {
    return this.http.get<Stats>('/api/stats');
  }

  charts(): Observable<StatsCharts> {
    return this.http.get<StatsCharts>('/api/stats/charts');
  }
}
