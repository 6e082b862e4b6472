import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ServerHealthService } from '../health/server-health.service';
import { I18nService } from '../i18n/i18n.service';
import type { TranslationKey } from '../i18n/translations.en';
import { RealtimeService } from '../realtime/realtime.service';
import type { ConnectionState } from '../realtime/realtime.types';

const STATE_LABELS: Record<ConnectionState, TranslationKey> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  degraded: 'connection.degraded',
};

const CHECK_LABELS: Record<string, TranslationKey> = {
  database: 'connection.check.database',
  redis: 'connection.check.redis',
  realtime: 'connection.check.realtime',
};

/**
 * A coloured dot for the realtime connection; the tooltip says the state and the next retry.
 * Connected but the server reports itself degraded or failing (GET /api/health): `degraded`,
 * naming what is wrong.
 */
@Component({
  selector: 'sb-connection-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-testid]': "detailed() ? 'connection-indicator-detail' : 'connection-indicator'",
    '[class.detailed]': 'detailed()',
    role: 'status',
    '[attr.data-state]': 'state()',
    '[attr.title]': 'tooltip()',
    '[attr.aria-label]': 'tooltip()',
  },
  template: `<span class="dot" aria-hidden="true"></span><span class="label">{{ label() }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-size: 0.85rem;
      color: var(--sb-muted);
      cursor: default;
    }
    .dot {
      width: 0.65rem;
      height: 0.65rem;
      border-radius: 50%;
      background: var(--sb-grey);
      flex: none;
    }
    :host([data-state='connected']) .dot {
      background: var(--sb-green);
    }
    :host([data-state='reconnecting']) .dot,
    :host([data-state='degraded']) .dot {
      background: var(--sb-amber);
    }
    :host([data-state='offline']) .dot {
      background: var(--sb-red);
    }
    @media (max-width: 1100px) {
      :host(:not(.detailed)) .label {
        display: none;
      }
    }
  `,
})
export class ConnectionIndicatorComponent {
  /** With its words on every screen size (the folded menu's copy), not only the dot. */
  readonly detailed = input(false);
  private readonly realtime = inject(RealtimeService);
  private readonly i18n = inject(I18nService);
  private readonly health = inject(ServerHealthService);

  protected readonly state = computed<ConnectionState>(() => {
    const state = this.realtime.connectionState();
    return state === 'connected' && this.health.impaired() ? 'degraded' : state;
  });
  protected readonly label = computed(() => this.i18n.t(STATE_LABELS[this.state()]));
  protected readonly tooltip = computed(() => {
    const parts = [this.label()];
    if (this.state() === 'degraded') {
      const checks = this.health
        .problems()
        .map((name) => (CHECK_LABELS[name] ? this.i18n.t(CHECK_LABELS[name]) : name));
      parts.push(this.i18n.t('connection.serverReports', { checks: checks.join(', ') }));
    }
    if (!this.realtime.browserOnline()) parts.push(this.i18n.t('connection.browserOffline'));
    const next = this.realtime.nextRetryAt();
    if (next && this.state() !== 'connected') {
      parts.push(this.i18n.t('connection.nextRetry', { time: this.i18n.formatTime(next) }));
    }
    const error = this.realtime.lastError();
    if (error && this.state() !== 'connected') parts.push(this.i18n.t('connection.lastError', { error }));
    return parts.join(' · ');
  });
}
