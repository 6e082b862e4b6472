import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { BotSettingsComponent } from '../components/bot-settings.component';
import { ChannelSettingsComponent } from '../components/channel-settings.component';
import { TemplatesSettingsComponent } from '../components/templates-settings.component';
import { ChannelStatusStore } from '../data/channel-status.store';
import { SettingsSocket } from '../data/settings.socket';

/** Admin settings: the WhatsApp channel, the bot and the message templates. */
@Component({
  selector: 'sb-settings-page',
  imports: [TranslatePipe, ChannelSettingsComponent, BotSettingsComponent, TemplatesSettingsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'settings.title' | translate }}</h1>
    </header>
    @if (offline()) {
      <p class="offline" role="status" data-testid="settings-offline">
        {{ 'settings.offline' | translate: { seconds: pollSeconds } }}
      </p>
    }
    <sb-channel-settings />
    <sb-bot-settings />
    <sb-templates-settings />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      max-width: 60rem;
    }
    .page-header {
      margin: 0;
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
export class SettingsPage {
  private readonly socket = inject(SettingsSocket);
  protected readonly offline = computed(() => this.socket.connectionState() === 'offline');
  protected readonly pollSeconds = Math.round(inject(ChannelStatusStore).pollIntervalMs / 1000);
}
