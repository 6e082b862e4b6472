import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Conversation, UserWithPresence } from '@switchboard/contracts/types';
import { roleGroups } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { toApiError } from '../../../core/http/api-error';
import { ViewStateComponent, type ViewNotFound } from '../../../common/ui/view-state.component';
import { ConversationHeaderComponent } from '../components/conversation-header.component';
import { ConversationThreadComponent } from '../components/conversation-thread.component';
import { ContactPanelComponent } from '../components/contact-panel.component';
import { StaffComposer } from '../data/staff-composer';
import { ConversationStore } from '../data/conversation.store';
import { InboxApi } from '../data/inbox.api';
import { InboxSocket } from '../data/inbox.socket';
import { InboxStore } from '../data/inbox.store';
import { InboxShortcuts } from '../data/inbox-shortcuts';
import { LabelsStore } from '../../labels/data/labels.store';
import { watchMedia } from '../../../core/layout/watch-media';

/**
 * One conversation for staff: header with assign/take/close/reopen, then the live thread with the
 * staff composer (notes, canned replies, mentions), and the contact panel beside it.
 */
@Component({
  selector: 'sb-conversation-page',
  imports: [
    RouterLink,
    TranslatePipe,
    ViewStateComponent,
    ConversationHeaderComponent,
    ConversationThreadComponent,
    ContactPanelComponent,
  ],
  providers: [ConversationStore, StaffComposer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="main">
      <a class="back" data-testid="conversation-back" routerLink="/inbox" [queryParams]="inbox.viewParams()"
        >← {{ 'inbox.back' | translate }}</a
      >
      @if (store.conversation(); as conversation) {
        <sb-conversation-header
          [conversation]="conversation"
          [canAssign]="canAssign()"
          [canAct]="!notYours()"
          [staff]="staff()"
          [busy]="busy()"
          [labelCatalogue]="labels.items()"
          [labelCatalogueError]="labels.error()"
          [labelsBusy]="labelsBusy()"
          (assign)="assign($event)"
          (take)="take()"
          (closeConversation)="run(api.close(conversation.id))"
          (reopen)="run(api.reopen(conversation.id))"
          (labelsChange)="setLabels($event)"
          (reloadLabels)="labels.load()"
        >
          <button
            type="button"
            class="panel-toggle"
            data-testid="contact-panel-toggle"
            [attr.aria-expanded]="panelOpen()"
            (click)="togglePanel()"
          >
            {{ 'contacts.panel.toggle' | translate }}
          </button>
        </sb-conversation-header>
      }
      @if (notYours(); as text) {
        <p class="note" role="status" data-testid="conversation-not-yours">{{ text }}</p>
      }
      @if (actionErrorText(); as text) {
        <p class="error" role="alert" data-testid="conversation-action-error">{{ text }}</p>
      }
      @if (store.loaded()) {
        <sb-conversation-thread [readOnly]="store.conversation()?.status === 'closed' || !!notYours()" />
      } @else {
        <div class="state">
          <sb-view-state [hasValue]="false" [error]="store.error()" [notFound]="notFound()" (retry)="store.reload()" />
        </div>
      }
    </div>
    @if (panelOpen() && store.conversation(); as conversation) {
      <!-- The slide-over's backdrop: a click beside the panel closes it (its ✕ and Escape are the keyboard's ways). -->
      <button type="button" class="backdrop" tabindex="-1" aria-hidden="true" (click)="togglePanel()"></button>
      <sb-contact-panel
        [conversation]="conversation"
        (closed)="togglePanel()"
        (keydown.escape)="narrow() && togglePanel()"
      />
    }
  `,
  styles: `
    /* The thread and, beside it, the contact panel: a column on wide screens, a slide-over below. */
    :host {
      display: flex;
      height: 100%;
      min-height: 0;
      position: relative;
    }
    .main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: 0;
    }
    sb-contact-panel {
      flex: 0 0 17rem;
      border-left: 1px solid var(--sb-border);
      background: var(--sb-surface);
    }
    .backdrop {
      display: none;
    }
    /* Sized like the header's own buttons (whose styles do not reach projected content). */
    .panel-toggle {
      padding: 0.25rem 0.65rem;
      font-size: 0.85rem;
    }
    .panel-toggle[aria-expanded='true'] {
      background: var(--sb-primary-soft);
      border-color: var(--sb-primary);
    }
    @media (max-width: 1024px) {
      sb-contact-panel {
        position: fixed;
        z-index: 20;
        /* Under the shell's top bar, which stays in reach (the menu, the bell). */
        top: var(--sb-topbar-height, 0);
        right: 0;
        bottom: 0;
        width: min(22rem, 92vw);
        box-shadow: var(--sb-shadow);
      }
      .backdrop,
      .backdrop:hover {
        display: block;
        position: fixed;
        z-index: 19;
        inset: var(--sb-topbar-height, 0) 0 0 0;
        padding: 0;
        border: none;
        border-radius: 0;
        background: rgb(16 24 40 / 35%);
        cursor: default;
      }
    }
    .back {
      display: none;
      padding: 0.5rem 0.75rem 0;
      font-size: 0.85rem;
    }
    .note {
      margin: 0;
      padding: 0.4rem 0.75rem;
      background: var(--sb-primary-soft);
      font-size: 0.85rem;
    }
    .error {
      margin: 0;
      padding: 0.4rem 0.75rem;
      color: var(--sb-red);
      background: var(--sb-red-soft);
      font-size: 0.85rem;
    }
    .state {
      padding: 1rem;
    }
    @media (max-width: 760px) {
      .back {
        display: block;
      }
    }
  `,
})
export class ConversationPage {
  readonly conversationId = input.required<string>();
  /** `?seq=`: the message to open the conversation at (a search hit). */
  readonly seq = input<string | undefined>(undefined);

  protected readonly store = inject(ConversationStore);
  /** Below this width the contact panel slides over the thread instead of standing beside it. */
  protected readonly narrow = watchMedia(NARROW);
  /** Open beside the thread on wide screens unless the viewer hid it; opened by hand on narrow ones. */
  protected readonly panelOpen = signal(!this.narrow() && readPanelPreference() !== 'hidden');
  protected readonly api = inject(InboxApi);
  protected readonly inbox = inject(InboxStore);
  protected readonly labels = inject(LabelsStore);
  private readonly shortcuts = inject(InboxShortcuts);
  private readonly socket = inject(InboxSocket);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  protected readonly canAssign = computed(() => this.auth.hasRole(roleGroups.managers));
  /**
   * Why an agent can no longer write or act here (it stays on screen, read-only, until they move
   * on): it went to someone else live (named), or while they were away (the rejoin was refused).
   */
  protected readonly notYours = computed(() => {
    const assignee = this.store.conversation()?.assignee;
    const me = this.auth.user();
    if (me?.role === 'agent' && assignee && assignee.id !== me.id)
      return this.i18n.t('conversation.notYours', { name: assignee.name });
    return this.store.lost() ? this.i18n.t('conversation.lost') : null;
  });
  /** A link to a conversation that does not exist (or was never ours to see): nothing to retry. */
  protected readonly notFound = computed<ViewNotFound>(() => ({
    title: this.i18n.t('conversation.notFound'),
    link: '/inbox',
    linkLabel: this.i18n.t('inbox.back'),
  }));
  protected readonly staff = signal<UserWithPresence[]>([]);
  protected readonly busy = signal(false);
  protected readonly labelsBusy = signal(false);
  private readonly actionError = signal<unknown>(null);
  protected readonly actionErrorText = computed(() => {
    const error = this.actionError();
    if (!error) return null;
    const apiError = toApiError(error);
    return apiError.message || this.i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
  });

  constructor() {
    effect(() => {
      const id = this.conversationId();
      const seq = Number(this.seq());
      untracked(() => {
        this.actionError.set(null);
        this.store.open(id, Number.isInteger(seq) && seq > 0 ? seq : undefined);
        this.inbox.setActive(id);
        this.inbox.markOpened(id);
      });
    });
    const destroyRef = inject(DestroyRef);
    if (this.canAssign()) this.followStaff(destroyRef);
    const shortcuts = [
      this.shortcuts.register('e', () => this.closeByKey()),
      this.shortcuts.register('a', () => this.assignToMe()),
    ];
    destroyRef.onDestroy(() => {
      this.inbox.setActive(null);
      shortcuts.forEach((stop) => stop());
    });
  }

  protected togglePanel(): void {
    this.panelOpen.update((open) => !open);
    if (!this.narrow()) writePanelPreference(this.panelOpen() ? 'shown' : 'hidden');
  }

  /** `e`: closes the conversation, when the viewer could with the Close button. */
  private closeByKey(): void {
    const conversation = this.store.conversation();
    if (conversation?.status === 'open' && !this.notYours() && !this.busy())
      void this.run(this.api.close(conversation.id));
  }

  /**
   * `a`: the conversation goes to the viewer, when they may take it: an admin or supervisor any
   * open one not theirs yet, an agent an unassigned one (the Take button).
   */
  private assignToMe(): void {
    const conversation = this.store.conversation();
    const me = this.auth.user()?.id;
    if (!conversation || !me || conversation.status !== 'open' || this.busy() || conversation.assignee?.id === me)
      return;
    if (this.canAssign() || conversation.assignee === null) this.assign(me);
  }

  /** The conversation's labels from now on; the list and header follow the answer. */
  protected async setLabels(labelIds: string[]): Promise<void> {
    const conversation = this.store.conversation();
    if (!conversation) return;
    this.labelsBusy.set(true);
    try {
      await this.run(this.api.setLabels(conversation.id, labelIds));
    } finally {
      this.labelsBusy.set(false);
    }
  }

  /** The assign list with who is online: live, and read again after every reconnect (changes missed meanwhile). */
  private followStaff(destroyRef: DestroyRef): void {
    const load = () =>
      this.api.assignableUsers().then(
        (users) => this.staff.set(users),
        () => undefined,
      );
    void load();
    const subscriptions = [
      this.socket
        .on('presence_changed')
        .subscribe(({ userId, status }) =>
          this.staff.update((users) => users.map((u) => (u.id === userId ? { ...u, online: status === 'online' } : u))),
        ),
      this.socket.connected$().subscribe(() => void load()),
    ];
    destroyRef.onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
  }

  protected assign(agentId: string | null): void {
    const conversation = this.store.conversation();
    if (conversation) void this.run(this.api.assign(conversation.id, agentId));
  }

  protected take(): void {
    const me = this.auth.user()?.id;
    if (me) this.assign(me);
  }

  protected async run(action: Promise<Conversation>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const conversation = await action;
      this.store.applyConversation(conversation);
      this.inbox.apply(conversation);
    } catch (error) {
      this.actionError.set(error);
    } finally {
      this.busy.set(false);
    }
  }
}

const NARROW = '(max-width: 1024px)';

const PANEL_STORAGE_KEY = 'sb.contactPanel';

function readPanelPreference(): string | null {
  try {
    return localStorage.getItem(PANEL_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writePanelPreference(value: 'shown' | 'hidden'): void {
  try {
    localStorage.setItem(PANEL_STORAGE_KEY, value);
  } catch {
    // The choice then lasts for this page only.
  }
}
