import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { Message } from '@switchboard/contracts';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { REACTION_EMOJIS, type DeliveryStatus, type QuotedMessage } from './chat-ui.types';
import { MessageAttachmentComponent } from './message-attachment.component';
import { MessageMediaComponent } from './message-media.component';
import { MessageTicksComponent } from './message-ticks.component';
import { ReactionBarComponent } from './reaction-bar.component';

/**
 * One message: sender, quoted original, text (always as text), attachment or channel media, time,
 * ticks on our own, reactions, and its actions on hover/focus (reply, react, edit, delete). When
 * it failed: Retry and Discard while it is not stored (the socket send), or the channel's reason
 * and Retry (with its progress and error) when the channel refused a stored one.
 */
@Component({
  selector: 'sb-chat-message',
  imports: [TranslatePipe, MessageAttachmentComponent, MessageMediaComponent, MessageTicksComponent, ReactionBarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'message',
    '[attr.data-seq]': 'message().seq || null',
    '[attr.data-status]': 'status()',
    '[attr.data-message-id]': 'message().id',
    '[class.mine]': 'mine()',
  },
  templateUrl: './chat-message.component.html',
  styleUrl: './chat-message.component.css',
})
export class ChatMessageComponent {
  private readonly i18n = inject(I18nService);

  readonly message = input.required<Message>();
  readonly mine = input(false);
  readonly status = input.required<DeliveryStatus>();
  readonly quoted = input<QuotedMessage | null>(null);
  readonly viewerId = input<string | null>(null);
  readonly showSender = input(true);
  /** Edit, delete and react are offered (reply always is). */
  readonly fullActions = input(true);
  /** Ours and not stored yet: pending until the ack, failed when the send got no good ack. */
  readonly unsent = input(false);
  /** Why a stored message failed on its channel. */
  readonly failureReason = input<string | null>(null);
  /** An unsent message the server refused as free text outside WhatsApp's 24-hour window. */
  readonly refusedByWindow = input(false);
  /** Retry is offered for a stored message that failed on its channel. */
  readonly canRetry = input(false);
  readonly retrying = input(false);
  readonly retryError = input<string | null>(null);

  readonly reply = output<void>();
  readonly edit = output<string>();
  readonly remove = output<void>();
  readonly react = output<string>();
  readonly retry = output<void>();
  readonly discard = output<void>();

  protected readonly emojis = REACTION_EMOJIS;
  protected readonly editing = signal(false);
  protected readonly draft = signal('');
  protected readonly confirming = signal(false);
  protected readonly picking = signal(false);

  protected readonly deleted = computed(() => this.message().deletedAt !== null);
  protected readonly stored = computed(() => !this.unsent());
  protected readonly canAct = computed(() => this.stored() && !this.deleted());
  protected readonly canChange = computed(() => this.canAct() && this.mine() && this.fullActions());
  protected readonly templateName = computed(() => this.message().template?.name ?? null);
  protected readonly time = computed(() =>
    new Intl.DateTimeFormat(this.i18n.locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(this.message().createdAt)),
  );

  protected startEdit(): void {
    this.draft.set(this.message().content);
    this.editing.set(true);
  }

  protected saveEdit(): void {
    const content = this.draft().trim();
    if (content && content !== this.message().content) this.edit.emit(content);
    this.editing.set(false);
  }

  protected onEditKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.editing.set(false);
    else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.saveEdit();
    }
  }

  protected pick(emoji: string): void {
    this.picking.set(false);
    this.react.emit(emoji);
  }

  protected confirmRemove(): void {
    this.confirming.set(false);
    this.remove.emit();
  }
}
