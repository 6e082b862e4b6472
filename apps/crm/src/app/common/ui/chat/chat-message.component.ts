import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Mentionable, Message } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { REACTION_EMOJIS, type DeliveryStatus, type QuotedMessage } from './chat-ui.types';
import { MessageAttachmentComponent } from './message-attachment.component';
import { MessageMediaComponent } from './message-media.component';
import { MessageTicksComponent } from './message-ticks.component';
import { mentionSpans } from './mention-spans';
import { ReactionBarComponent } from './reaction-bar.component';

/**
 * One message: sender, quoted original, text (always as text), attachment or channel media, time,
 * ticks on our own, reactions, and its actions on hover/focus (reply, react, edit, delete). When
 * it failed: Retry and Discard while it is not stored (the socket send), or the channel's reason
 * and Retry (with its progress and error) when the channel refused a stored one.
 */
@Component({
  selector: 'sb-chat-message',
  imports: [
    TranslatePipe,
    MessageAttachmentComponent,
    MessageMediaComponent,
    MessageTicksComponent,
    ReactionBarComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'message',
    '[attr.data-seq]': 'message().seq || null',
    '[attr.data-status]': 'status()',
    '[attr.data-message-id]': 'message().id',
    '[class.mine]': 'mine()',
    '[class.note]': 'message().private',
  },
  templateUrl: './chat-message.component.html',
  styleUrl: './chat-message.component.css',
})
export class ChatMessageComponent {
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly reactButton = viewChild<ElementRef<HTMLButtonElement>>('reactButton');

  readonly message = input.required<Message>();
  readonly mine = input(false);
  /** The conversation is closed, or no longer the viewer's: its messages offer no actions. */
  readonly readOnly = input(false);
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
  /** Colleagues a note may mention: their mentions are highlighted (staff pages only). */
  readonly mentionables = input<readonly Mentionable[]>([]);

  readonly reply = output<void>();
  readonly edit = output<string>();
  readonly remove = output<void>();
  readonly react = output<string>();
  readonly retry = output<void>();
  readonly discard = output<void>();

  protected readonly emojis = REACTION_EMOJIS;
  protected readonly editing = signal(false);
  protected readonly draft = signal('');
  /** Save was pressed on a blank edit: the server would refuse it, deleting is the way. */
  protected readonly editEmpty = signal(false);
  protected readonly confirming = signal(false);
  protected readonly picking = signal(false);

  protected readonly deleted = computed(() => this.message().deletedAt !== null);
  protected readonly stored = computed(() => !this.unsent());
  protected readonly canAct = computed(() => this.stored() && !this.deleted() && !this.readOnly());
  protected readonly canChange = computed(() => this.canAct() && this.mine() && this.fullActions());
  /** A note's text cut where colleagues are mentioned; null when there is nothing to highlight. */
  protected readonly spans = computed(() => {
    const { private: note, content } = this.message();
    const people = this.mentionables();
    if (!note || people.length === 0) return null;
    const spans = mentionSpans(content, people);
    return spans.some((s) => s.mention) ? spans : null;
  });
  protected readonly templateName = computed(() => this.message().template?.name ?? null);
  protected readonly time = computed(() =>
    new Intl.DateTimeFormat(this.i18n.locale(), { hour: '2-digit', minute: '2-digit' }).format(
      new Date(this.message().createdAt),
    ),
  );
  /** The time's tooltip: the thread shows only the time under each message, this says the day too. */
  protected readonly fullTime = computed(() =>
    new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'full', timeStyle: 'short' }).format(
      new Date(this.message().createdAt),
    ),
  );

  constructor() {
    // An open picker closes on Escape or on a click anywhere else, like any popup; listening
    // only while it is open keeps a long thread from holding a document listener per message.
    effect((onCleanup) => {
      if (!this.picking()) return;
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        // A keyboard user goes back to the button that opened it, not to the top of the page.
        const hadFocus = this.host.contains(this.document.activeElement);
        this.picking.set(false);
        if (hadFocus) this.reactButton()?.nativeElement.focus();
      };
      const onClick = (event: MouseEvent) => {
        if (!this.host.contains(event.target as Node)) this.picking.set(false);
      };
      this.document.addEventListener('keydown', onKey);
      this.document.addEventListener('click', onClick);
      onCleanup(() => {
        this.document.removeEventListener('keydown', onKey);
        this.document.removeEventListener('click', onClick);
      });
    });
  }

  protected startEdit(): void {
    this.draft.set(this.message().content);
    this.editEmpty.set(false);
    this.editing.set(true);
  }

  protected onEditInput(value: string): void {
    this.draft.set(value);
    this.editEmpty.set(false);
  }

  protected saveEdit(): void {
    const content = this.draft().trim();
    if (!content && this.message().content) {
      this.editEmpty.set(true);
      return;
    }
    if (content !== this.message().content) this.edit.emit(content);
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
