import { computed, signal, type Signal } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import type { CampaignsApi } from './campaigns.api';
import { mappableColumns, pastedColumns } from './recipients-input';

/** The part of the draft the columns come from. */
export interface RecipientsDraft {
  mode: 'paste' | 'file';
  pasted: string;
  file: File | null;
}

/** A CSV header must end within this many bytes (as on the server). */
const HEADER_BYTES = 64 * 1024;

/**
 * What a template campaign is made from: the approved templates, and the recipients' columns
 * their variables can be mapped to (a paste's header, or a chosen file's first line).
 */
export class TemplateCatalogue {
  private readonly _templates = signal<MessageTemplate[]>([]);
  private readonly _loading = signal(false);
  private readonly _error = signal<unknown>(null);
  private readonly fileColumns = signal<string[]>([]);
  private fileSeq = 0;

  readonly templates = this._templates.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly error = this._error.asReadonly();
  readonly columns = computed(() => {
    const draft = this.draft();
    return draft.mode === 'file' ? this.fileColumns() : pastedColumns(draft.pasted);
  });

  constructor(
    private readonly api: CampaignsApi,
    private readonly draft: Signal<RecipientsDraft>,
  ) {}

  async load(): Promise<void> {
    if (this._loading()) return;
    this._loading.set(true);
    this._error.set(null);
    try {
      this._templates.set((await this.api.templates()).items);
    } catch (error) {
      this._error.set(error);
    } finally {
      this._loading.set(false);
    }
  }

  /** Reads the chosen file's header line (only that: the server reads the rest). */
  async readFile(file: File | null): Promise<void> {
    const seq = ++this.fileSeq;
    if (!file) return this.fileColumns.set([]);
    let head = '';
    try {
      head = await file.slice(0, HEADER_BYTES).text();
    } catch {
      // Unreadable (or a Blob without text(), as in older engines): no columns to offer.
    }
    if (seq === this.fileSeq)
      this.fileColumns.set(mappableColumns(head.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? ''));
  }
}
