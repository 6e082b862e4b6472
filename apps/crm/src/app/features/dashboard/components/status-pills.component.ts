import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BotStatus, WhatsappState } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';

const BOT: Record<BotStatus, TranslationKey> = { on: 'dashboard.bot.on', off: 'dashboard.bot.off' };
const WHATSAPP: Record<WhatsappState, TranslationKey> = {
  connected: 'dashboard.whatsapp.connected',
  degraded: 'dashboard.whatsapp.degraded',
  down: 'dashboard.whatsapp.down',
  unknown: 'dashboard.whatsapp.unknown',
};

/** The bot's status and the WhatsApp channel's state as two small pills. */
@Component({
  selector: 'sb-status-pills',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="pill" data-testid="bot-status" [attr.data-state]="botStatus()" [class]="botStatus()">
      {{ 'dashboard.bot' | translate }}: {{ bot[botStatus()] | translate }}
    </span>
    <span class="pill" data-testid="whatsapp-state" [attr.data-state]="whatsappState()" [class]="whatsappState()">
      {{ 'dashboard.whatsapp' | translate }}: {{ whatsapp[whatsappState()] | translate }}
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      gap: 0.4rem;
      flex-wrap: wrap;
    }
    .pill {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.8rem;
      background: var(--sb-hover);
      color: var(--sb-muted);
    }
    .pill.on,
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
  `,
})
export class StatusPillsComponent {
  readonly botStatus = input.required<BotStatus>();
  readonly whatsappState = input.required<WhatsappState>();
  protected readonly bot = BOT;
  protected readonly whatsapp = WHATSAPP;
}
