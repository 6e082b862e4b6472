import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Conversation, UserWithPresence } from '@switchboard/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { toApiError } from '../../../core/http/api-error';
import { ViewStateComponent, type ViewNotFound } from '../../../shared/ui/view-state.component';
import { ConversationHeaderComponent } from '../components/conversation-header.component';
import { ConversationThreadComponent } from '../components/conversation-thread.component';
import { ConversationStore } from '../data/conversation.store';
import { InboxApi } from '../data/inbox.api';
import { InboxSocket } from '../data/inbox.socket';
import { InboxStore } from '../data/inbox.store';

/** One conversation for staff: header with assign/take/close/reopen, then the live thread. */
@Component({
  selector: 'sb-conversation-page',
  imports: [RouterLink, TranslatePipe, ViewStateComponent, ConversationHeaderComponent, ConversationThreadComponent],
  providers: [ConversationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="/inbox">← {{ 'inbox.back' | translate }}</a>
    @if (store.conversation(); as conversation) {
      <sb-conversation-header
        [conversation]="conversation"
        [canAssign]="canAssign()"
        [canAct]="!notYours()"
        [staff]="staff()"
        [busy]="busy()"
        (assign)="assign($event)"
        (take)="take()"
        (closeConversation)="run(api.close(conversation.id))"
        (reopen)="run(api.reopen(conversation.id))"
      />
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
  `,
  styles: `
    :host { display: flex; flex-direction: column; height: 100%; min-height: 0; }
    .back { display: none; padding: 0.5rem 0.75rem 0; font-size: 0.85rem; }
    .note { margin: 0; padding: 0.4rem 0.75rem; background: var(--sb-primary-soft); font-size: 0.85rem; }
    .error { margin: 0; padding: 0.4rem 0.75rem; color: var(--sb-red); background: var(--sb-red-soft); font-size: 0.85rem; }
    .state { padding: 1rem; }
    @media (max-width: 760px) { .back { display: block; } }
  `,
})
export class ConversationPage {
  readonly conversationId = input.required<string>();

  protected readonly store = inject(ConversationStore);
  protected readonly api = inject(InboxApi);
  private readonly inbox = inject(InboxStore);
  private readonly socket = inject(InboxSocket);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  protected readonly canAssign = computed(() => this.auth.hasRole(['admin', 'supervisor']));
  /**
   * Why an agent can no longer write or act here (it stays on screen, read-only, until they move
   * on): it went to someone else live (named), or while they were away (the rejoin was refused).
   */
  protected readonly notYours = computed(() => {
    const assignee = this.store.conversation()?.assignee;
    const me = this.auth.user();
    if (me?.role === 'agent' && assignee && assignee.id !== me.id) return this.i18n.t('conversation.notYours', { name: assignee.name });
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
      untracked(() => {
        this.actionError.set(null);
        this.store.open(id);
        this.inbox.setActive(id);
        this.inbox.markOpened(id);
      });
    });
    const destroyRef = inject(DestroyRef);
    if (this.canAssign()) this.followStaff(destroyRef);
    destroyRef.onDestroy(() => this.inbox.setActive(null));
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
      this.socket.on('presence_changed').subscribe(({ userId, status }) =>
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
