import { Pipe, type PipeTransform } from '@angular/core';
import { renderNotification, type Notification } from '@switchboard/contracts/types';
import type { Language } from '../../../core/i18n/i18n.service';

/**
 * A notification's title and body in the reader's language, from its stored type and parameters.
 * The language is an argument so that switching it redraws every notification already shown.
 */
@Pipe({ name: 'notificationText' })
export class NotificationTextPipe implements PipeTransform {
  transform(notification: Notification, language: Language): { title: string; body: string } {
    return renderNotification(notification.type, notification.params, language);
  }
}
