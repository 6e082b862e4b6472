import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { Mentionable, Message } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ChatComposerComponent } from '../../../common/ui/chat/chat-composer.component';
import { ChatMessageComponent } from '../../../common/ui/chat/chat-message.component';
import type { QuotedMessage } from '../../../common/ui/chat/chat-ui.types';
import { TypingIndicatorComponent } from '../../../common/ui/chat/typing-indicator.component';
import type { ApiError } from '../../../core/http/api-error';
import type { ChatItem } from '../data/chat-items';
import type { TemplateChoice } from '../data/composer.store';
import { ConversationStore } from '../data/conversation.store';
import { ComposerDrafts } from '../data/composer-drafts';
import { StaffComposer } from '../data/staff-composer';
import { dayKey, dayLabel, startOfDay } from './message-days';
import { ReplyWindowNoticeComponent } from './reply-window-notice.component';
import { TemplatePickerComponent } from './template-picker.component';

/** Within this many pixels of the bottom counts as "at the bottom". */
const BOTTOM_SLACK_PX = 48;
const TOP_SLACK_PX = 80;
/** How often "Today" and "Yesterday" are checked against the clock (they change at midnight). */
const DAY_TICK_MS = 60_000;

/** A message of the thread, and the day separator shown above it when it starts a new day. */
interface ThreadRow {
  item: ChatItem;
  day: string | null;
}

/**
 * The message thread of the open conversation (ConversationStore from the page): day separators,
 * scrolling with history paging, the new-messages pill, mark-read at the bottom, typing, and the
 * composer with a draft kept per conversation. Shared by the agent's conversation page and the
 * customer widget.
 */
@Component({
  selector: 'sb-conversation-thread',
  imports: [
    TranslatePipe,
    ChatMessageComponent,
    ChatComposerComponent,
    TypingIndicatorComponent,
    ReplyWindowNoticeComponent,
    TemplatePickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conversation-thread.component.html',
  styleUrl: './conversation-thread.component.css',
})
export class ConversationThreadComponent {
  protected readonly store = inject(ConversationStore);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  private readonly drafts = inject(ComposerDrafts);
  /** Notes, canned replies and mentions: only where the page provides them (staff, never the widget). */
  protected readonly staff = inject(StaffComposer, { optional: true });

  /** Edit, delete and react on messages (the widget offers only replies). */
  readonly fullActions = input(true);
  readonly canAttach = input(true);
  /** The composer is off (e.g. a closed conversation for staff). */
  readonly readOnly = input(false);
  /** Warn when the customer writes while the viewer has an unsent draft. */
  readonly warnOnCustomerNews = input(true);
  readonly emptyHint = input('');

  private readonly scrollBox = viewChild.required<ElementRef<HTMLElement>>('scrollBox');
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');

  protected readonly atBottom = signal(true);
  protected readonly showPill = signal(false);
  protected readonly replyTo = signal<Message | null>(null);
  protected readonly customerWrote = signal(false);
  protected readonly draft = signal('');
  /** The composer writes a private note. */
  protected readonly note = signal(false);
  protected readonly assist = computed(() => this.staff?.assist() ?? null);
  protected readonly mentionables = computed<readonly Mentionable[]>(() => this.staff?.mentionables() ?? []);
  private readonly visible = signal(true);
  private readonly today = signal(startOfDay(new Date()), { equal: (a, b) => a.getTime() === b.getTime() });

  /** The message opened at (a search hit): marked in the list. */
  protected readonly focusedSeq = computed(() => this.store.focus()?.seq ?? null);
  private readonly byId = computed(() => new Map(this.store.items().map((i) => [i.message.id, i.message])));
  protected readonly rows = computed<ThreadRow[]>(() => {
    const today = this.today();
    const locale = this.i18n.locale();
    const words = { today: this.i18n.t('conversation.today'), yesterday: this.i18n.t('conversation.yesterday') };
    let previous: string | null = null;
    return this.store.items().map((item) => {
      const at = new Date(item.message.createdAt);
      const key = dayKey(at);
      const day = key === previous ? null : dayLabel(at, today, locale, words);
      previous = key;
      return { item, day };
    });
  });
  protected readonly replyQuote = computed(() => {
    const message = this.replyTo();
    return message ? this.quoteOf(message) : null;
  });
  protected readonly actionErrorText = computed(() => {
    const error = this.store.actionError();
    if (!error) return null;
    if (error.code === 'offline') return this.i18n.t('errors.offline');
    if (error.code === 'timeout') return this.i18n.t('errors.timeout');
    return error.message || this.i18n.t('errors.unknown');
  });
  protected readonly uploadErrorText = computed(() => {
    const error = this.store.uploadError();
    if (!error) return null;
    if (error.code === 'payload_too_large' || error.status === 413) return this.i18n.t('upload.tooLarge');
    if (error.code === 'validation_failed' || error.status === 400) return this.i18n.t('upload.typeNotAllowed');
    if (error.code === 'network') return this.i18n.t('errors.network');
    return error.message || this.i18n.t('errors.unknown');
  });
  protected readonly pollSeconds = 15;
  /** The agent asked for the template picker while free text is possible too. */
  protected readonly templatesOpen = signal(false);
  /** WhatsApp outside its 24-hour window: templates only, no free text. */
  protected readonly windowClosed = computed(() => this.store.replyWindow().kind === 'closed');
  protected readonly templatesShown = computed(
    () => this.windowClosed() || (this.templatesOpen() && this.store.replyWindow().kind === 'open'),
  );

  private firstKey: string | null = null;
  private lastKey: string | null = null;
  private fromBottom = 0;
  /** The focus request last brought into view. */
  private shownFocus: object | null = null;
  /** The thread was a window (newer messages not loaded) at the last render. */
  private wasWindow = false;
  /** The viewer asked for the latest messages (the pill, a send): stick to the bottom when they come. */
  private toLatest = false;

  constructor() {
    const onVisibility = () => this.visible.set(this.document.visibilityState !== 'hidden');
    this.document.addEventListener('visibilitychange', onVisibility);
    onVisibility();
    const resize =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.atBottom() && this.scrollToBottom());
    const dayTick = setInterval(() => this.today.set(startOfDay(new Date())), DAY_TICK_MS);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onVisibility);
      resize?.disconnect();
      clearInterval(dayTick);
    });
    // The content grows with messages; the box shrinks when the footer grows (an error, the
    // counter, a reply preview). Either way the last message must stay in view if it was.
    afterRenderEffect(() => {
      resize?.observe(this.content().nativeElement);
      resize?.observe(this.scrollBox().nativeElement);
    });

    // Keep the place: stick to the bottom, hold still when older messages come in above.
    afterRenderEffect(() =>
      this.keepScroll(
        this.store.items().map((i) => i.key),
        this.store.focus(),
      ),
    );

    // A message from someone else: the pill when scrolled up, a warning over an unsent draft.
    effect(() => {
      const incoming = this.store.lastIncoming();
      if (!incoming) return;
      untracked(() => {
        if (!this.atBottom()) this.showPill.set(true);
        if (this.warnOnCustomerNews() && incoming.sender.type === 'contact' && this.draft().trim())
          this.customerWrote.set(true);
      });
    });

    // Read what is on screen: at the bottom of a visible page.
    effect(() => {
      if (this.atBottom() && this.visible() && this.store.loaded() && this.store.lastSeq() > 0) this.store.markRead();
    });

    // Another conversation: nothing of the previous one's composer state carries over, but its
    // own unsent draft comes back.
    effect(() => {
      const conversationId = this.store.conversationId();
      untracked(() => {
        this.draft.set(conversationId ? this.drafts.get(conversationId) : '');
        this.replyTo.set(null);
        this.customerWrote.set(false);
        this.templatesOpen.set(false);
        this.note.set(false);
        this.showPill.set(false);
        this.atBottom.set(true);
      });
    });
  }

  /** The loaded original when there is one (it follows edits live), else the quote the reply carries. */
  protected quoteFor(message: Message): QuotedMessage | null {
    if (!message.replyToId) return null;
    const original = this.byId().get(message.replyToId);
    if (original) return this.quoteOf(original);
    const quote = message.replyTo;
    return quote ? { name: quote.senderName, text: quote.excerpt, deleted: quote.deleted } : null;
  }

  protected onScroll(): void {
    this.measure();
    if (this.scrollBox().nativeElement.scrollTop <= TOP_SLACK_PX && this.store.hasOlder()) void this.store.loadOlder();
  }

  private measure(): void {
    const el = this.scrollBox().nativeElement;
    this.fromBottom = el.scrollHeight - el.clientHeight - el.scrollTop;
    const atBottom = this.fromBottom <= BOTTOM_SLACK_PX;
    this.atBottom.set(atBottom);
    if (atBottom) this.showPill.set(false);
  }

  protected jumpToBottom(): void {
    if (this.store.hasNewer()) {
      this.toLatest = true;
      void this.store.showLatest();
    }
    this.showPill.set(false);
    this.atBottom.set(true);
    this.scrollToBottom();
  }

  protected send(text: string): void {
    this.store.send(text, { replyToId: this.replyTo()?.id ?? null, private: this.note() });
    this.replyTo.set(null);
    this.customerWrote.set(false);
    this.jumpToBottom();
  }

  protected sendTemplate(template: TemplateChoice, preview: string): void {
    this.store.sendTemplate(template, preview);
    this.templatesOpen.set(false);
    this.jumpToBottom();
  }

  protected retryErrorText(error: ApiError | null): string | null {
    if (!error) return null;
    if (error.code === 'network') return this.i18n.t('errors.network');
    return error.message || this.i18n.t('errors.unknown');
  }

  protected async attach(file: File): Promise<void> {
    if (await this.store.upload(file, this.replyTo()?.id ?? null, this.note())) {
      this.replyTo.set(null);
      this.jumpToBottom();
    }
  }

  protected onDraft(text: string): void {
    this.draft.set(text);
    const conversationId = this.store.conversationId();
    if (conversationId) this.drafts.set(conversationId, text);
    if (!text.trim()) this.customerWrote.set(false);
  }

  private quoteOf(message: Message): QuotedMessage {
    const deleted = message.deletedAt !== null;
    const text =
      message.content || message.attachment?.name || message.media?.fileName || message.media?.mimeType || '';
    return { name: message.sender.name, text, deleted };
  }

  private keepScroll(keys: string[], focus: object | null): void {
    const el = this.scrollBox().nativeElement;
    const first = keys[0] ?? null;
    const last = keys.at(-1) ?? null;
    const isWindow = untracked(() => this.store.hasNewer());
    const seq = untracked(() => this.focusedSeq());
    const target =
      focus !== this.shownFocus && seq !== null ? el.querySelector<HTMLElement>(`[data-seq="${seq}"]`) : null;
    if (target) {
      // Opened at a message: it goes to the middle of the box (only the box scrolls, not the page).
      this.shownFocus = focus;
      const box = el.getBoundingClientRect();
      const at = target.getBoundingClientRect();
      el.scrollTop += at.top - box.top - Math.max(0, (el.clientHeight - at.height) / 2);
      this.onScroll();
    } else if (this.firstKey !== null && first !== this.firstKey && last === this.lastKey) {
      // Older history was prepended: keep the same distance from the bottom.
      el.scrollTop = el.scrollHeight - el.clientHeight - this.fromBottom;
    } else if (last !== this.lastKey) {
      if (untracked(() => this.atBottom()) && !isWindow && (!this.wasWindow || this.toLatest)) {
        this.toLatest = false;
        this.scrollToBottom();
      } else {
        // Newer messages a window loaded below stay below: the reader goes on from where they are.
        this.measure();
      }
    }
    this.wasWindow = isWindow;
    this.firstKey = first;
    this.lastKey = last;
  }

  private scrollToBottom(): void {
    const el = this.scrollBox().nativeElement;
    el.scrollTop = el.scrollHeight;
    this.fromBottom = 0;
  }
}
