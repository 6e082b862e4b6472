import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { renderNotification, type Notification as AppNotification } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';

export type DesktopPermission = NotificationPermission | 'unsupported';

/**
 * The browser's Notification API: shows a system notification for a push while the tab is hidden
 * and the user granted permission. Permission is only ever requested from a click.
 */
@Injectable({ providedIn: 'root' })
export class DesktopNotifications {
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18nService);
  private readonly _permission = signal<DesktopPermission>(this.api()?.permission ?? 'unsupported');

  readonly permission = this._permission.asReadonly();

  /** Call from a click handler only. */
  async requestPermission(): Promise<DesktopPermission> {
    const api = this.api();
    if (!api) return 'unsupported';
    try {
      this._permission.set(await api.requestPermission());
    } catch {
      this._permission.set(api.permission);
    }
    return this._permission();
  }

  /** Shows it when the tab is hidden and permission is granted; true when shown. */
  show(notification: AppNotification, onClick: () => void): boolean {
    const api = this.api();
    if (!api || this.document.visibilityState !== 'hidden') return false;
    this._permission.set(api.permission);
    if (api.permission !== 'granted') return false;
    try {
      // The tag makes the browser show one notification even when several tabs are hidden.
      const { title, body } = renderNotification(notification.type, notification.params, this.i18n.language());
      const shown = new api(title, { body, tag: notification.id });
      shown.onclick = () => {
        this.document.defaultView?.focus();
        onClick();
        shown.close();
      };
      return true;
    } catch {
      return false;
    }
  }

  private api(): typeof Notification | undefined {
    const win = this.document.defaultView as (Window & { Notification?: typeof Notification }) | null;
    return win?.Notification;
  }
}
