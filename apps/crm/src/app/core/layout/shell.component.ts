import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import type { StaffRole } from '@switchboard/contracts';
import { AuthStore } from '../auth/auth.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import type { TranslationKey } from '../i18n/translations.en';
import { liveDelta, liveResource } from '../realtime/live-resource';
import { RealtimeService } from '../realtime/realtime.service';
import { ConnectionIndicatorComponent } from './connection-indicator.component';
import { LanguageSwitchComponent } from './language-switch.component';
import { NAV_ITEMS, NOTIFICATIONS_ITEM } from './nav-items';

const ROLE_LABELS: Record<StaffRole, TranslationKey> = {
  admin: 'role.admin',
  supervisor: 'role.supervisor',
  agent: 'role.agent',
  marketer: 'role.marketer',
};

/** The signed-in frame: top bar with role-aware navigation, then the page. */
@Component({
  selector: 'sb-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, ConnectionIndicatorComponent, LanguageSwitchComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthStore);
  private readonly http = inject(HttpClient);
  private readonly realtime = inject(RealtimeService);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : null;
  });
  protected readonly navItems = computed(() => {
    const role = this.auth.role();
    return NAV_ITEMS.filter((item) => role !== null && (item.roles as readonly StaffRole[]).includes(role));
  });
  protected readonly notificationsPath = NOTIFICATIONS_ITEM.path;

  /** Unread notifications for the bell: REST snapshot, then the /notifications pushes. */
  private readonly unread = liveResource<number>({
    snapshot: () => this.http.get<{ count: number }>('/api/notifications/unread-count').pipe(map((r) => r.count)),
    deltas: [liveDelta(this.realtime.on('/notifications', 'unread_count'), (_current: number, event) => event.count)],
    connection: this.realtime.liveConnection('/notifications'),
  });
  protected readonly unreadCount = computed(() => this.unread.value() ?? 0);

  protected logout(): void {
    this.auth.logout();
  }
}
