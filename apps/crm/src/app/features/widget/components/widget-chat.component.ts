import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { ConnectionIndicatorComponent } from '../../../core/layout/connection-indicator.component';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { ConversationThreadComponent } from '../../inbox/components/conversation-thread.component';
import { ConversationStore } from '../../inbox/data/conversation.store';
import { WidgetStatusStore } from '../data/widget-status.store';
import { WidgetClosedComponent } from './widget-closed.component';

/** The customer's side of the conversation: who answers, the connection, the thread. */
@Component({
  selector: 'sb-widget-chat',
  imports: [
    TranslatePipe,
    ConnectionIndicatorComponent,
    ViewStateComponent,
    ConversationThreadComponent,
    WidgetClosedComponent,
  ],
  providers: [ConversationStore, WidgetStatusStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <span class="agent" data-testid="widget-agent">{{ agentName() }}</span>
      @if (status.status(); as current) {
        <span
          class="status"
          [class.closed]="current === 'closed'"
          [attr.data-status]="current"
          data-testid="widget-status"
        >
          {{ (current === 'closed' ? 'widget.status.closed' : 'widget.status.open') | translate }}
        </span>
      }
      <sb-connection-indicator />
    </div>
    @if (store.loaded()) {
      <sb-conversation-thread
        [fullActions]="false"
        [warnOnCustomerNews]="false"
        [readOnly]="status.readOnly()"
        [emptyHint]="'widget.emptyHint' | translate"
      />
      @if (status.readOnly()) {
        <sb-widget-closed [conversationId]="conversationId()" (writeAgain)="status.writeAgain()" />
      }
    } @else {
      <div class="state">
        <sb-view-state [hasValue]="false" [error]="store.error()" (retry)="store.reload()" />
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-height: 0;
    }
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      padding: 0.35rem 0.75rem;
      border-bottom: 1px solid var(--sb-border);
      font-size: 0.85rem;
    }
    .agent {
      font-weight: 600;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .state {
      padding: 1rem;
    }
    .status {
      font-size: 0.75rem;
      padding: 0.05rem 0.45rem;
      border-radius: 999px;
      background: var(--sb-success-bg, #e6f4ea);
    }
    .status.closed {
      background: var(--sb-border);
    }
  `,
})
export class WidgetChatComponent {
  readonly conversationId = input.required<string>();

  protected readonly store = inject(ConversationStore);
  protected readonly status = inject(WidgetStatusStore);
  private readonly i18n = inject(I18nService);

  protected readonly agentName = computed(
    () => this.store.conversation()?.assignee?.name ?? this.i18n.t('widget.support'),
  );

  constructor() {
    effect(() => {
      const id = this.conversationId();
      untracked(() => this.store.open(id));
    });
  }
}
