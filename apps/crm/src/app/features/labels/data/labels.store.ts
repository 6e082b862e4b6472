import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Label } from '@switchboard/contracts/types';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { withSaved, without } from '../../../common/data/catalogue-list';
import { byLabelName, trimmedLabel, type LabelDraft } from './label-draft';
import { LabelsApi } from './labels.api';

/**
 * The team's labels, by name: read when the view opens and again whenever the connection comes
 * back (labels have no pushes; what changed meanwhile shows then), with the managers' changes
 * applied as the server answers them. Provided per view (the inbox, the labels page).
 */
@Injectable()
export class LabelsStore {
  private readonly api = inject(LabelsApi);
  private readonly realtime = inject(RealtimeService);

  private readonly _items = signal<Label[] | undefined>(undefined);
  private readonly _error = signal<unknown>(null);
  private loads = 0;

  /** Undefined until the first answer. */
  readonly items = this._items.asReadonly();
  readonly error = this._error.asReadonly();
  readonly byId = computed(() => new Map((this._items() ?? []).map((l) => [l.id, l])));
  /** The connection is gone: changes cannot be saved and what is shown may be old. */
  readonly offline = computed(() => this.realtime.connectionState() === 'offline');

  constructor() {
    let previous = this.realtime.connectionState();
    effect(() => {
      const state = this.realtime.connectionState();
      if (state === 'connected' && (previous === 'reconnecting' || previous === 'offline'))
        untracked(() => void this.load());
      previous = state;
    });
    void this.load();
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    try {
      const items = await this.api.list();
      if (load !== this.loads) return;
      this._items.set([...items].sort(byLabelName));
      this._error.set(null);
    } catch (error) {
      if (load === this.loads) this._error.set(error);
    }
  }

  /** Creates a label; the server's refusal (name taken, too many…) is thrown for the form to show. */
  async create(draft: LabelDraft): Promise<Label> {
    const label = await this.api.create(trimmedLabel(draft));
    this.put(label);
    return label;
  }

  async update(id: string, draft: LabelDraft): Promise<Label> {
    const label = await this.api.update(id, trimmedLabel(draft));
    this.put(label);
    return label;
  }

  async remove(id: string): Promise<void> {
    await this.api.remove(id);
    this._items.update((items) => without(items, id));
  }

  private put(label: Label): void {
    this._items.update((items) => withSaved(items, label, byLabelName));
  }
}
