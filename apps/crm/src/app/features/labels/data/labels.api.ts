import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateLabel, Label, LabelList, UpdateLabel } from '@switchboard/contracts/types';
import { firstValueFrom, map } from 'rxjs';

/** The team's labels: everyone on staff reads them, supervisors and admins change them. */
@Injectable({ providedIn: 'root' })
export class LabelsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<Label[]> {
    return firstValueFrom(this.http.get<LabelList>('/api/labels').pipe(map((list) => list.items)));
  }

  create(label: CreateLabel): Promise<Label> {
    return firstValueFrom(this.http.post<Label>('/api/labels', label));
  }

  update(id: string, change: UpdateLabel): Promise<Label> {
    return firstValueFrom(this.http.patch<Label>(`/api/labels/${id}`, change));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/labels/${id}`));
  }
}
