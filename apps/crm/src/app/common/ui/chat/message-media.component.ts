import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChannelMedia, MessageType } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

const ICONS: Record<MessageType, string> = { image: '🖼', video: '🎬', audio: '🎵', file: '📄', text: '📎' };

/**
 * Media a customer sent through a channel (WhatsApp) and that is not downloaded: there is no URL
 * to show, so a placeholder with its kind, file name and MIME type stands in for it.
 */
@Component({
  selector: 'sb-message-media',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'message-media', '[attr.data-mime-type]': 'media().mimeType' },
  template: `
    <span class="icon" aria-hidden="true">{{ icon() }}</span>
    <span class="what">
      <strong>{{ kindKey() | translate }}</strong>
      @if (media().fileName; as name) {
        <span class="name" data-testid="message-media-name">{{ name }}</span>
      }
      <span class="mime" data-testid="message-media-mime">{{
        media().mimeType || ('inbox.media.unknownType' | translate)
      }}</span>
      <span class="hint">{{ 'inbox.media.notDownloaded' | translate }}</span>
    </span>
  `,
  styles: `
    :host {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
      padding: 0.4rem 0.55rem;
      margin-bottom: 0.25rem;
      border: 1px dashed var(--sb-border);
      border-radius: var(--sb-radius);
      background: rgb(0 0 0 / 3%);
    }
    .icon {
      font-size: 1.4rem;
      line-height: 1;
    }
    .what {
      display: flex;
      flex-direction: column;
      min-width: 0;
      font-size: 0.8rem;
    }
    .name {
      word-break: break-all;
    }
    .mime,
    .hint {
      color: var(--sb-muted);
      font-size: 0.75rem;
    }
  `,
})
export class MessageMediaComponent {
  readonly media = input.required<ChannelMedia>();
  readonly type = input.required<MessageType>();

  protected readonly icon = computed(() => ICONS[this.type()]);
  protected readonly kindKey = computed(() => `inbox.media.${this.type()}` as const);
}
