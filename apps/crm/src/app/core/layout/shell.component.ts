import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { ROLE_LABEL } from '../i18n/role-labels';
import { TranslatePipe } from '../i18n/translate.pipe';
import { NotificationBellComponent } from '../../features/notifications/components/notification-bell.component';
import { NotificationToastsComponent } from '../../features/notifications/components/notification-toasts.component';
import { ConnectionIndicatorComponent } from './connection-indicator.component';
import { LanguageSwitchComponent } from './language-switch.component';
import { NAV_ITEMS } from './nav-items';
import { roleIn } from '@switchboard/contracts/types';

/**
 * The signed-in frame: top bar with role-aware navigation, the notifications bell (its badge
 * and panel read the one NotificationsStore) and the user's name leading to their account page,
 * then the page, and the notification toasts.
 */
@Component({
  selector: 'sb-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    ConnectionIndicatorComponent,
    LanguageSwitchComponent,
    NotificationBellComponent,
    NotificationToastsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABEL[role] : null;
  });
  protected readonly navItems = computed(() => {
    const role = this.auth.role();
    return NAV_ITEMS.filter((item) => roleIn(item.roles, role));
  });

  protected logout(): void {
    void this.auth.logout();
  }
}
