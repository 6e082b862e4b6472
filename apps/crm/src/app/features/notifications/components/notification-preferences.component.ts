import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { NotificationPreference, NotificationType } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { NotificationPreferencesStore, type PreferenceSetting } from '../data/notification-preferences.store';

const TYPE_LABELS: Record<NotificationType, TranslationKey> = {
  'conversation.created': 'notifications.type.conversationCreated',
  'conversation.assigned': 'notifications.type.conversationAssigned',
  'campaign.finished': 'notifications.type.campaignFinished',
  mention: 'notifications.type.mention',
  'campaign.failed': 'notifications.type.campaignFailed',
  'channel.down': 'notifications.type.channelDown',
};

const SETTINGS: { key: PreferenceSetting; label: TranslationKey }[] = [
  { key: 'inApp', label: 'notifications.pref.inApp' },
  { key: 'toast', label: 'notifications.pref.toast' },
  { key: 'sound', label: 'notifications.pref.sound' },
];

/** Per type: keep it in the list, pop it up, beep (the last two only with the first). Saved on every change. */
@Component({
  selector: 'sb-notification-preferences',
  imports: [TranslatePipe, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'notifications.preferences' | translate }}</h2>
    <p class="hint">{{ 'notifications.preferencesHint' | translate }}</p>
    <sb-view-state [hasValue]="prefs.loaded()" [error]="prefs.error()" (retry)="prefs.reload()" />
    @if (prefs.saveError()) {
      <p class="error" role="alert" data-testid="preferences-error">
        {{ 'notifications.preferencesFailed' | translate }}
      </p>
    }
    @if (prefs.items(); as items) {
      <table class="prefs stack-table" data-testid="notification-preferences">
        <thead>
          <tr>
            <th scope="col">{{ 'notifications.pref.type' | translate }}</th>
            @for (setting of settings; track setting.key) {
              <th scope="col">{{ setting.label | translate }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (item of items; track item.type) {
            <tr [attr.data-type]="item.type">
              <th scope="row">{{ typeLabel(item.type) | translate }}</th>
              @for (setting of settings; track setting.key) {
                <td [attr.data-label]="setting.label | translate">
                  <input
                    type="checkbox"
                    [attr.data-testid]="'pref-' + item.type + '-' + setting.key"
                    [attr.aria-label]="toggleLabel(item, setting.label)"
                    [checked]="item[setting.key] && !needsInApp(item, setting.key)"
                    [disabled]="needsInApp(item, setting.key)"
                    [attr.aria-describedby]="needsInApp(item, setting.key) ? 'pref-needs-in-app' : null"
                    (change)="change(item, setting.key, $event)"
                  />
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
      @if (anyInAppOff()) {
        <p class="hint note" id="pref-needs-in-app" data-testid="pref-needs-in-app">
          {{ 'notifications.pref.needsInApp' | translate }}
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 2rem;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0 0 0.25rem;
    }
    .hint {
      color: var(--sb-muted);
      font-size: 0.85rem;
      margin: 0 0 0.75rem;
    }
    .error {
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .prefs {
      border-collapse: collapse;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
    }
    th,
    td {
      padding: 0.45rem 0.9rem;
      border-bottom: 1px solid var(--sb-border);
      text-align: center;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
      font-weight: 500;
    }
    thead th {
      font-size: 0.8rem;
      color: var(--sb-muted);
      font-weight: 600;
    }
    input:disabled {
      cursor: not-allowed;
      opacity: 0.45;
    }
    .note {
      margin: 0.5rem 0 0;
    }
  `,
})
export class NotificationPreferencesComponent {
  protected readonly prefs = inject(NotificationPreferencesStore);
  private readonly i18n = inject(I18nService);
  protected readonly settings = SETTINGS;
  protected readonly anyInAppOff = computed(() => this.prefs.items()?.some((item) => !item.inApp) ?? false);

  constructor() {
    void this.prefs.ensureLoaded();
  }

  protected typeLabel(type: NotificationType): TranslationKey {
    return TYPE_LABELS[type];
  }

  /**
   * The server stores and pushes nothing for a type with in-app off, so its toast and sound cannot
   * happen: they show off and disabled (their own values are kept for when in-app is back on).
   */
  protected needsInApp(item: NotificationPreference, setting: PreferenceSetting): boolean {
    return setting !== 'inApp' && !item.inApp;
  }

  protected toggleLabel(item: NotificationPreference, label: TranslationKey): string {
    return this.i18n.t('notifications.pref.toggle', {
      setting: this.i18n.t(label),
      type: this.i18n.t(TYPE_LABELS[item.type]),
    });
  }

  protected change(item: NotificationPreference, setting: PreferenceSetting, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    void this.prefs.set(item.type, setting, checked);
  }
}
