import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { ROLE_LABEL } from '../i18n/role-labels';
import { TranslatePipe } from '../i18n/translate.pipe';
import { NotificationBellComponent } from '../../features/notifications/components/notification-bell.component';
import { NotificationToastsComponent } from '../../features/notifications/components/notification-toasts.component';
import { ConnectionIndicatorComponent } from './connection-indicator.component';
import { LanguageSwitchComponent } from './language-switch.component';
import { NAV_ITEMS } from './nav-items';
import { ShellMenu } from './shell-menu';
import { roleIn } from '@switchboard/contracts/types';

/**
 * The signed-in frame: top bar with role-aware navigation, the notifications bell (its badge
 * and panel read the one NotificationsStore) and the user's name leading to their account page,
 * then the page, and the notification toasts. On a narrow screen the navigation, language,
 * account and log-out fold into a menu (see ShellMenu); the connection dot and the bell stay.
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
  providers: [ShellMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closeMenuAndRefocus()' },
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

  protected readonly menu = inject(ShellMenu);
  private readonly injector = inject(Injector);
  private readonly menuToggle = viewChild.required<ElementRef<HTMLButtonElement>>('menuToggle');
  private readonly menuPanel = viewChild.required<ElementRef<HTMLElement>>('menuPanel');

  /** Opening moves focus to the menu's first link, so a keyboard user lands inside what they opened. */
  protected toggleMenu(): void {
    this.menu.toggle();
    if (!this.menu.open()) return;
    afterNextRender(() => this.menuPanel().nativeElement.querySelector<HTMLElement>('a[href], button')?.focus(), {
      injector: this.injector,
    });
  }

  /** Escape (or a click beside the menu) closes it and gives focus back to its button, where the user opened it. */
  protected closeMenuAndRefocus(): void {
    if (!this.menu.open()) return;
    this.menu.close();
    this.menuToggle().nativeElement.focus();
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
