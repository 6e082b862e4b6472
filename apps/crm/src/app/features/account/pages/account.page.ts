import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthStore } from '../../../core/auth/auth.store';
import { ROLE_LABEL } from '../../../core/i18n/role-labels';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { ChangePasswordFormComponent } from '../components/change-password-form.component';

/** The signed-in user's own page, for every staff role: who they are, and their password. */
@Component({
  selector: 'sb-account-page',
  imports: [TranslatePipe, ChangePasswordFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'account.title' | translate }}</h1>
    </header>
    @if (offline()) {
      <p class="offline" role="status" data-testid="account-offline">{{ 'account.offline' | translate }}</p>
    }
    @if (user(); as user) {
      <section class="card" aria-labelledby="account-profile" data-testid="account-profile">
        <h2 id="account-profile" class="visually-hidden">{{ 'account.profile' | translate }}</h2>
        <dl>
          <dt>{{ 'account.name' | translate }}</dt>
          <dd data-testid="account-name">{{ user.name }}</dd>
          <dt>{{ 'account.email' | translate }}</dt>
          <dd data-testid="account-email">{{ user.email }}</dd>
          <dt>{{ 'account.role' | translate }}</dt>
          <dd data-testid="account-role">{{ roleLabel[user.role] | translate }}</dd>
        </dl>
      </section>
      <sb-change-password-form [email]="user.email" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      max-width: 40rem;
    }
    .page-header {
      margin: 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.35rem 1rem;
      margin: 0;
    }
    dt {
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
  `,
})
export class AccountPage {
  private readonly auth = inject(AuthStore);
  private readonly realtime = inject(RealtimeService);

  protected readonly user = this.auth.user;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly offline = computed(() => this.realtime.connectionState() === 'offline');

  constructor() {
    // An admin may have renamed this user or changed their role since the app started.
    void this.auth.refreshUser();
  }
}
