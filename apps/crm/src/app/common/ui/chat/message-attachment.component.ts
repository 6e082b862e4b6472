import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Attachment, MessageType } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { formatBytes } from './chat-ui.types';

/** Images inline, video and audio with controls, anything else as a download link with its size. */
@Component({
  selector: 'sb-message-attachment',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (type()) {
      @case ('image') {
        <a [href]="attachment().url" target="_blank" rel="noopener">
          <img [src]="attachment().url" [alt]="attachment().name" loading="lazy" />
        </a>
      }
      @case ('video') {
        <video [src]="attachment().url" controls preload="metadata"></video>
      }
      @case ('audio') {
        <audio [src]="attachment().url" controls preload="metadata"></audio>
      }
      @default {
        <a class="file" [href]="attachment().url" [attr.download]="attachment().name" target="_blank" rel="noopener">
          📎 {{ 'message.download' | translate: { name: attachment().name, size: size() } }}
        </a>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    img,
    video {
      display: block;
      max-width: 100%;
      max-height: 16rem;
      border-radius: var(--sb-radius);
    }
    audio {
      max-width: 100%;
    }
    .file {
      word-break: break-all;
    }
  `,
})
export class MessageAttachmentComponent {
  readonly attachment = input.required<Attachment>();
  readonly type = input.required<MessageType>();
  protected readonly size = computed(() => formatBytes(this.attachment().size));
}
