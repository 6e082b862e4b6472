import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Conversation } from '@switchboard/contracts';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { LiveStatusComponent } from '../../../shared/ui/live-status.component';
import { ViewStateComponent } from '../../../shared/ui/view-state.component';
import { applyConversation } from '../data/conversation-list';
import { InboxApi } from '../data/inbox.api';

const upsert = (list: Conversation[], event: { conversation: Conversation }) => applyConversation(list, event.conversation);

/** Open conversations, kept live. (The conversation view and actions come with the inbox issue.) */
@Component({
  selector: 'sb-inbox-page',
  imports: [TranslatePipe, LiveStatusComponent, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'inbox.title' | translate }}</h1>
      <sb-live-status [live]="conversations.live()" [lastUpdatedAt]="conversations.lastUpdatedAt()" />
    </header>
    <sb-view-state
      [hasValue]="conversations.value() !== undefined"
      [empty]="items().length === 0"
      [error]="conversations.error()"
      [emptyTitle]="'inbox.empty' | translate"
      [emptyHint]="'inbox.emptyHint' | translate"
      (retry)="conversations.refresh()"
    />
    @if (items().length > 0) {
      <ul class="list" data-testid="conversation-list">
        @for (conversation of items(); track conversation.id) {
          <li class="card">
            <div class="row">
              <strong>{{ conversation.contact.name }}</strong>
              @if (conversation.unreadCount > 0) {
                <span class="count">{{ conversation.unreadCount }}</span>
              }
            </div>
            <div class="muted">{{ conversation.lastMessagePreview || ('inbox.noPreview' | translate) }}</div>
            <div class="muted small">{{ conversation.assignee?.name || ('inbox.unassigned' | translate) }} · {{ conversation.channel }}</div>
          </li>
        }
      </ul>
    }
  `,
})
export class InboxPage {
  private readonly api = inject(InboxApi);
  private readonly realtime = inject(RealtimeService);

  protected readonly conversations = liveResource<Conversation[]>({
    snapshot: () => this.api.openConversations(),
    deltas: [
      liveDelta(this.realtime.on('/chat', 'conversation_created'), upsert),
      liveDelta(this.realtime.on('/chat', 'conversation_updated'), upsert),
      liveDelta(this.realtime.on('/chat', 'conversation_assigned'), upsert),
      liveDelta(this.realtime.on('/chat', 'conversation_closed'), upsert),
    ],
    connection: this.realtime.liveConnection('/chat'),
  });
  protected readonly items = computed(() => this.conversations.value() ?? []);
}
