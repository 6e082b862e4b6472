import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { NotificationPreference, NotificationType } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { NotificationsApi } from './notifications.api';

/** The per-type switches of the preferences form. */
export type PreferenceSetting = 'inApp' | 'toast' | 'sound';

/** What the server assumes for a type nobody changed yet: everything on. */
export const DEFAULT_PREFERENCE: Omit<NotificationPreference, 'type'> = { inApp: true, toast: true, sound: true };

/**
 * The signed-in user's notification preferences (in-app, toast, sound per type): loaded once per
 * session, changed optimistically, rolled back when the server refuses.
 */
@Injectable({ providedIn: 'root' })
export class NotificationPreferencesStore {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthStore);

  private readonly _items = signal<NotificationPreference[] | undefined>(undefined);
  private readonly _error = signal<unknown>(null);
  private readonly _saveError = signal<unknown>(null);
  private readonly _saving = signal<ReadonlySet<string>>(new Set());
  private loading: Promise<void> | null = null;
  private generation = 0;

  readonly items = this._items.asReadonly();
  readonly error = this._error.asReadonly();
  /** The last change the server refused (it was rolled back). */
  readonly saveError = this._saveError.asReadonly();
  readonly loaded = computed(() => this._items() !== undefined);

  constructor() {
    const userId = computed(() => this.auth.user()?.id ?? null);
    let previous: string | null | undefined;
    effect(() => {
      const id = userId();
      // Another user signed in (or out): what was loaded is not theirs.
      if (previous !== undefined && previous !== id) untracked(() => this.reset());
      previous = id;
    });
  }

  /** Loads the preferences unless they are loaded or loading; resolves either way (defaults on failure). */
  ensureLoaded(): Promise<void> {
    if (this._items() !== undefined) return Promise.resolve();
    return (this.loading ??= this.load());
  }

  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  /** The preference for one type; the defaults until loaded. */
  preferenceFor(type: string): Omit<NotificationPreference, 'type'> {
    return this._items()?.find((p) => p.type === type) ?? DEFAULT_PREFERENCE;
  }

  isSaving(type: NotificationType, setting: PreferenceSetting): boolean {
    return this._saving().has(`${type}.${setting}`);
  }

  /** Switches one setting at once, then PUTs it; puts it back if the server refuses. */
  async set(type: NotificationType, setting: PreferenceSetting, value: boolean): Promise<void> {
    const current = this._items()?.find((p) => p.type === type);
    if (!current || current[setting] === value) return;
    const generation = this.generation;
    const key = `${type}.${setting}`;
    const changed: NotificationPreference = { ...current, [setting]: value };
    this.replace(changed.type, (p) => ({ ...p, [setting]: value }));
    this._saveError.set(null);
    this._saving.update((s) => new Set(s).add(key));
    try {
      const saved = await this.api.setPreferences([changed]);
      if (generation !== this.generation) return;
      const fromServer = saved.find((p) => p.type === type);
      if (fromServer) this.replace(type, (p) => ({ ...p, [setting]: fromServer[setting] }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.replace(type, (p) => (p[setting] === value ? { ...p, [setting]: !value } : p));
      this._saveError.set(error);
    } finally {
      this._saving.update((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  }

  private replace(type: NotificationType, change: (p: NotificationPreference) => NotificationPreference): void {
    this._items.update((items) => items?.map((p) => (p.type === type ? change(p) : p)));
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    this._error.set(null);
    try {
      const items = await this.api.preferences();
      if (generation === this.generation) this._items.set(items);
    } catch (error) {
      if (generation === this.generation) this._error.set(error);
    } finally {
      if (generation === this.generation) this.loading = null;
    }
  }

  private reset(): void {
    this.generation++;
    this.loading = null;
    this._items.set(undefined);
    this._error.set(null);
    this._saveError.set(null);
    this._saving.set(new Set());
  }
}
