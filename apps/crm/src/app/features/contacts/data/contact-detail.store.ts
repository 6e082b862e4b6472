import { Injectable, computed, inject, signal } from '@angular/core';
import type { Contact, ContactDetail } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage } from '../../../common/forms/field-messages';
import { ContactsApi } from './contacts.api';
import {
  CONTACT_FIELDS,
  contactChanges,
  contactDraftOf,
  contactErrors,
  sameEmail,
  samePhone,
  type ContactDraft,
  type ContactField,
} from './contact-draft';

/** The email or phone a save gave that another contact has (409), and that contact when the viewer may see it. */
export interface ContactConflict {
  field: 'phone' | 'email';
  value: string;
  /** Null: it belongs to a contact of conversations the viewer may not see (nothing to merge with). */
  owner: Contact | null;
}

/** A merge waiting for its confirmation: `source`'s conversations move to `target`, which remains. */
export interface MergePlan {
  source: Contact;
  target: Contact;
}

const EMPTY_DRAFT: ContactDraft = { name: '', email: '', phone: '' };

/**
 * One contact as staff see it (the conversation page's panel, the contacts page's detail): its
 * details and conversations, editing them with our rules and the server's field errors, and
 * merging two contacts that are one person, always after a confirmation. A save refused because
 * another contact has the phone (409) finds that contact and offers the merge.
 */
@Injectable()
export class ContactDetailStore {
  private readonly api = inject(ContactsApi);

  private readonly _id = signal<string | null>(null);
  private readonly _detail = signal<ContactDetail | undefined>(undefined);
  private readonly _error = signal<unknown>(null);
  private readonly _editing = signal(false);
  private readonly _draft = signal<ContactDraft>(EMPTY_DRAFT);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<ContactField, string>>>({});
  private readonly _saving = signal(false);
  private readonly _saveError = signal<unknown>(null);
  private readonly _conflict = signal<ContactConflict | null>(null);
  private readonly _merge = signal<MergePlan | null>(null);
  private readonly _merging = signal(false);
  private readonly _mergeError = signal<unknown>(null);

  readonly id = this._id.asReadonly();
  readonly detail = this._detail.asReadonly();
  /** The last load failure, while nothing is shown. */
  readonly error = this._error.asReadonly();
  readonly editing = this._editing.asReadonly();
  readonly draft = this._draft.asReadonly();
  readonly saving = this._saving.asReadonly();
  /** A failed save that is not about one field. */
  readonly saveError = this._saveError.asReadonly();
  readonly conflict = this._conflict.asReadonly();
  readonly merge = this._merge.asReadonly();
  readonly merging = this._merging.asReadonly();
  readonly mergeError = this._mergeError.asReadonly();
  private readonly localErrors = computed(() => contactErrors(this._draft()));

  /** Answers for a contact no longer shown (or an older load) are dropped. */
  private generation = 0;

  /** Shows contact `id` (nothing happens when it is already shown). */
  show(id: string): void {
    if (this._id() === id) return;
    this._id.set(id);
    this._detail.set(undefined);
    this.closeEditor();
    void this.load();
  }

  /** Tries the load again after an error. */
  reload(): void {
    void this.load();
  }

  /**
   * Reads the contact again without hiding it (someone changed it, or its conversations moved);
   * a failure keeps what is shown.
   */
  async refresh(): Promise<void> {
    const id = this._id();
    if (!id) return;
    const generation = this.generation;
    try {
      const detail = await this.api.get(id);
      if (generation === this.generation) this.showDetail(detail);
    } catch {
      // What is shown stays; the next change or visit reads it again.
    }
  }

  fieldError(field: ContactField): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[field] : undefined;
    return key ? { key } : null;
  }

  startEdit(): void {
    const detail = this._detail();
    if (!detail) return;
    this.closeEditor();
    this._draft.set(contactDraftOf(detail));
    this._editing.set(true);
  }

  cancelEdit(): void {
    this.closeEditor();
  }

  update(patch: Partial<ContactDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as ContactField[]) delete next[key];
      return next;
    });
    if (this._conflict() && Object.keys(patch).includes(this._conflict()?.field ?? '')) this._conflict.set(null);
  }

  async save(): Promise<void> {
    this._submitted.set(true);
    const detail = this._detail();
    if (!detail || !this._editing() || this._saving() || Object.keys(this.localErrors()).length > 0) return;
    const changes = contactChanges(detail, this._draft());
    if (!changes) {
      this.closeEditor();
      return;
    }
    const generation = this.generation;
    this._saving.set(true);
    this._saveError.set(null);
    this._serverErrors.set({});
    this._conflict.set(null);
    try {
      const saved = await this.api.update(detail.id, changes);
      if (generation !== this.generation) return;
      this.showDetail(saved);
      this.closeEditor();
    } catch (error) {
      if (generation === this.generation) await this.fail(error, detail);
    } finally {
      this._saving.set(false);
    }
  }

  /** Asks for the confirmation of a merge (null: the question goes away). */
  askMerge(plan: MergePlan | null): void {
    this._merge.set(plan);
    this._mergeError.set(null);
  }

  async confirmMerge(): Promise<void> {
    const plan = this._merge();
    if (!plan || this._merging()) return;
    const generation = this.generation;
    this._merging.set(true);
    this._mergeError.set(null);
    try {
      const survivor = await this.api.merge(plan.source.id, plan.target.id);
      if (generation !== this.generation) return;
      // The merged contact now answers with the one it went into: that is the one shown from here on.
      this._id.set(survivor.id);
      this.showDetail(survivor);
      this.closeEditor();
    } catch (error) {
      if (generation === this.generation) this._mergeError.set(error);
    } finally {
      this._merging.set(false);
    }
  }

  private async load(): Promise<void> {
    const id = this._id();
    if (!id) return;
    const generation = ++this.generation;
    this._error.set(null);
    try {
      const detail = await this.api.get(id);
      if (generation === this.generation) this.showDetail(detail);
    } catch (error) {
      if (generation === this.generation) this._error.set(error);
    }
  }

  private showDetail(detail: ContactDetail): void {
    this._detail.set(detail);
    this._error.set(null);
  }

  private async fail(error: unknown, detail: ContactDetail): Promise<void> {
    const apiError = toApiError(error);
    const taken =
      apiError.code === 'conflict' ? apiError.details.find((d) => d.path === 'phone' || d.path === 'email') : undefined;
    if (taken) {
      const field = taken.path as ContactConflict['field'];
      const value = this._draft()[field].trim();
      this._serverErrors.set({ [field]: apiError.message || taken.message });
      this._conflict.set({ field, value, owner: await this.ownerOf(field, value, detail.id) });
      return;
    }
    const fields = serverFieldMessages(apiError, CONTACT_FIELDS);
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._saveError.set(error);
    // Merged into another meanwhile: what is shown is out of date.
    if (apiError.code === 'conflict' && apiError.details.some((d) => d.path === 'id')) void this.refresh();
  }

  /**
   * The 409 does not say whose the phone is: a search by it finds the contact, among those the
   * viewer may see (the only ones a merge may take).
   */
  private async ownerOf(field: ContactConflict['field'], value: string, selfId: string): Promise<Contact | null> {
    const q = field === 'phone' ? value.replace(/\D/g, '') : value;
    if (q.length < 2) return null;
    try {
      const page = await this.api.list({ q, limit: 10 });
      const same = field === 'phone' ? samePhone : sameEmail;
      return page.items.find((c) => c.id !== selfId && same(c[field], value)) ?? null;
    } catch {
      return null;
    }
  }

  private closeEditor(): void {
    this._editing.set(false);
    this._submitted.set(false);
    this._serverErrors.set({});
    this._saveError.set(null);
    this._conflict.set(null);
    this._merge.set(null);
    this._mergeError.set(null);
  }
}
