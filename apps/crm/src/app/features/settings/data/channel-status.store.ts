import { DOCUMENT, Injectable, computed, inject } from '@angular/core';
import type { ChannelStatus, WhatsappState } from '@switchboard/contracts/types';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { SettingsApi } from './settings.api';
import { SettingsSocket } from './settings.socket';

export function applyWhatsappState(current: ChannelStatus, whatsappState: WhatsappState): ChannelStatus {
  return current.whatsappState === whatsappState ? current : { ...current, whatsappState };
}

/**
 * The WhatsApp channel as the settings page shows it: REST snapshot (provider, which settings
 * are present, state) + `whatsapp_status_changed` from /stats, re-snapshot on reconnect, polling
 * while the socket is down. Provided by the settings route.
 */
@Injectable()
export class ChannelStatusStore {
  private readonly api = inject(SettingsApi);
  private readonly socket = inject(SettingsSocket);
  private readonly origin = inject(DOCUMENT).location.origin;

  private readonly resource = liveResource<ChannelStatus>({
    snapshot: () => this.api.channelStatus(),
    deltas: [
      liveDelta(this.socket.on('whatsapp_status_changed'), (current: ChannelStatus, e) =>
        applyWhatsappState(current, e.whatsappState),
      ),
    ],
    connection: this.socket.liveConnection(),
  });

  readonly status = this.resource.value;
  readonly error = this.resource.error;
  readonly live = this.resource.live;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;
  /** What to paste into Meta's webhook configuration. */
  readonly webhookUrl = computed(() => {
    const status = this.resource.value();
    return status ? `${this.origin}${status.webhookPath}` : null;
  });
  /** cloud-api without a token or phone number id cannot send; without the secret no webhook is accepted. */
  readonly missing = computed(() => {
    const status = this.resource.value();
    if (!status) return [];
    const c = status.configured;
    const needed: [boolean, string][] = [
      [c.verifyToken, 'WHATSAPP_VERIFY_TOKEN'],
      [c.appSecret, 'WHATSAPP_APP_SECRET'],
      ...(status.provider === 'cloud-api'
        ? ([
            [c.token, 'WHATSAPP_TOKEN'],
            [c.phoneNumberId, 'WHATSAPP_PHONE_NUMBER_ID'],
          ] as [boolean, string][])
        : []),
    ];
    return needed.filter(([set]) => !set).map(([, name]) => name);
  });

  refresh(): void {
    this.resource.refresh();
  }
}
