import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import type { ChannelStatus, WhatsappState } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { ChannelStatusStore } from '../data/channel-status.store';

const STATE: Record<WhatsappState, TranslationKey> = {
  connected: 'settings.channel.state.connected',
  degraded: 'settings.channel.state.degraded',
  down: 'settings.channel.state.down',
  unknown: 'settings.channel.state.unknown',
};
const PROVIDER: Record<ChannelStatus['provider'], TranslationKey> = {
  sandbox: 'settings.channel.provider.sandbox',
  'cloud-api': 'settings.channel.provider.cloudApi',
};
const VARIABLES: { key: keyof ChannelStatus['configured']; name: string }[] = [
  { key: 'verifyToken', name: 'WHATSAPP_VERIFY_TOKEN' },
  { key: 'appSecret', name: 'WHATSAPP_APP_SECRET' },
  { key: 'token', name: 'WHATSAPP_TOKEN' },
  { key: 'phoneNumberId', name: 'WHATSAPP_PHONE_NUMBER_ID' },
];

/** The WhatsApp channel: provider, live state, the webhook URL to give Meta, which settings are present. */
@Component({
  selector: 'sb-channel-settings',
  imports: [TranslatePipe, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="channel-title" data-testid="channel-settings">
      <h2 id="channel-title">{{ 'settings.channel.title' | translate }}</h2>
      <sb-view-state [hasValue]="store.status() !== undefined" [error]="store.error()" (retry)="store.refresh()" />
      @if (store.status(); as s) {
        <dl>
          <dt>{{ 'settings.channel.provider' | translate }}</dt>
          <dd data-testid="channel-provider">
            <strong>{{ provider[s.provider] | translate }}</strong>
            <span class="hint">{{
              (s.provider === 'sandbox'
                ? 'settings.channel.provider.sandboxHint'
                : 'settings.channel.provider.cloudApiHint'
              ) | translate
            }}</span>
          </dd>

          <dt>{{ 'settings.channel.state' | translate }}</dt>
          <dd>
            <span
              class="pill"
              data-testid="channel-state"
              [attr.data-state]="s.whatsappState"
              [class]="s.whatsappState"
              >{{ state[s.whatsappState] | translate }}</span
            >
            <span class="hint">{{
              (store.live() ? 'settings.channel.live' : 'settings.channel.notLive') | translate
            }}</span>
          </dd>

          <dt>{{ 'settings.channel.webhook' | translate }}</dt>
          <dd>
            <div class="copy">
              <code data-testid="webhook-url">{{ store.webhookUrl() }}</code>
              <button type="button" data-testid="copy-webhook" (click)="copy(store.webhookUrl())">
                {{ (copied() === 'done' ? 'settings.channel.copied' : 'settings.channel.copy') | translate }}
              </button>
            </div>
            @if (copied() === 'failed') {
              <p class="field-error" role="alert">{{ 'settings.channel.copyFailed' | translate }}</p>
            }
            <span class="hint">{{ 'settings.channel.webhookHint' | translate }}</span>
          </dd>

          <dt>{{ 'settings.channel.configuration' | translate }}</dt>
          <dd>
            <ul class="vars">
              @for (v of variables; track v.key) {
                <li [attr.data-testid]="'var-' + v.key" [attr.data-set]="s.configured[v.key]">
                  <code>{{ v.name }}</code>
                  <span [class.ok]="s.configured[v.key]">{{
                    (s.configured[v.key] ? 'settings.channel.set' : 'settings.channel.notSet') | translate
                  }}</span>
                </li>
              }
            </ul>
            @if (store.missing().length > 0) {
              <p class="warning" data-testid="channel-missing">
                {{ 'settings.channel.missing' | translate: { names: store.missing().join(', ') } }}
              </p>
            }
            <span class="hint">{{ 'settings.channel.configurationHint' | translate }}</span>
          </dd>
        </dl>
      }
    </section>
  `,
  styles: `
    h2 {
      font-size: 1.05rem;
      margin: 0 0 0.75rem;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(9rem, max-content) 1fr;
      gap: 0.75rem 1.25rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
      font-size: 0.9rem;
    }
    dd {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      align-items: flex-start;
    }
    .hint {
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .copy {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    code {
      padding: 0.2rem 0.45rem;
      border-radius: var(--sb-radius);
      background: var(--sb-hover);
      font-size: 0.85rem;
      word-break: break-all;
    }
    .pill {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.8rem;
      background: var(--sb-hover);
      color: var(--sb-muted);
    }
    .pill.connected {
      background: var(--sb-green-soft);
      color: var(--sb-green-strong);
    }
    .pill.degraded {
      background: #fff4d6;
      color: #8a6300;
    }
    .pill.down {
      background: var(--sb-red-soft);
      color: var(--sb-red);
    }
    .vars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .vars li {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .vars .ok {
      color: var(--sb-green-strong);
    }
    .warning {
      margin: 0;
      padding: 0.4rem 0.6rem;
      border-radius: var(--sb-radius);
      background: #fff4d6;
      color: #8a6300;
      font-size: 0.85rem;
    }
    .field-error {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
    @media (max-width: 640px) {
      dl {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ChannelSettingsComponent {
  protected readonly store = inject(ChannelStatusStore);
  protected readonly state = STATE;
  protected readonly provider = PROVIDER;
  protected readonly variables = VARIABLES;
  protected readonly copied = signal<'idle' | 'done' | 'failed'>('idle');
  private resetTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      if (this.resetTimer) clearTimeout(this.resetTimer);
    });
  }

  protected async copy(url: string | null): Promise<void> {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copied.set('done');
    } catch {
      this.copied.set('failed');
    }
    if (this.resetTimer) clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => this.copied.set('idle'), 2_000);
  }
}
