import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ContactConversation, Conversation } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CHANNEL_LABEL } from './contact-card.component';

interface Row {
  conversation: ContactConversation;
  current: boolean;
  date: string;
}

/**
 * A contact's conversations, newest first, each one click from the inbox: status, channel, date,
 * subject and who has it. Beside an open conversation, that one is marked and shows its live status.
 */
@Component({
  selector: 'sb-contact-conversations',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted small" data-testid="contact-conversations-empty">
        {{ 'contacts.conversations.empty' | translate }}
      </p>
    } @else {
      <ul data-testid="contact-conversations">
        @for (row of rows(); track row.conversation.id) {
          <li>
            <a
              data-testid="contact-conversation"
              [attr.data-conversation-id]="row.conversation.id"
              [routerLink]="['/inbox', row.conversation.id]"
              [attr.aria-current]="row.current ? 'page' : null"
            >
              <span class="line">
                <span
                  class="status"
                  [attr.data-status]="row.conversation.status"
                  data-testid="contact-conversation-status"
                >
                  {{
                    (row.conversation.status === 'open' ? 'conversation.status.open' : 'conversation.status.closed')
                      | translate
                  }}
                </span>
                <time class="muted" [attr.datetime]="row.conversation.lastMessageAt ?? row.conversation.createdAt">{{
                  row.date
                }}</time>
              </span>
              @if (row.conversation.subject; as subject) {
                <span class="subject">{{ subject }}</span>
              }
              <span class="muted small">
                {{ channelLabel[row.conversation.channel] | translate }} ·
                {{ row.conversation.assignee?.name || ('conversation.nobody' | translate) }}
                @if (row.current) {
                  · <strong>{{ 'contacts.conversations.current' | translate }}</strong>
                }
              </span>
            </a>
          </li>
        }
      </ul>
      @if (more()) {
        <p class="muted small" data-testid="contact-conversations-more">
          {{ 'contacts.conversations.more' | translate }}
        </p>
      }
    }
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    a {
      display: flex;
      flex-direction: column;
      gap: 0.1rem;
      padding: 0.45rem 0.55rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      color: var(--sb-text);
      text-decoration: none;
      font-size: 0.85rem;
    }
    a:hover {
      background: var(--sb-hover);
    }
    a[aria-current='page'] {
      border-color: var(--sb-primary);
      background: var(--sb-primary-soft);
    }
    .line {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .status {
      font-weight: 600;
    }
    .status[data-status='open'] {
      color: var(--sb-green-strong);
    }
    .status[data-status='closed'] {
      color: var(--sb-muted);
    }
    .subject {
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.3rem 0 0;
    }
  `,
})
export class ContactConversationsComponent {
  private readonly i18n = inject(I18nService);

  readonly conversations = input.required<readonly ContactConversation[]>();
  /** The contact has more than those listed. */
  readonly more = input(false);
  /** The conversation open beside the list: marked, with its live status. */
  readonly current = input<Conversation | null>(null);

  protected readonly channelLabel = CHANNEL_LABEL;
  protected readonly rows = computed<Row[]>(() => {
    const current = this.current();
    const format = new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium' });
    return this.conversations().map((c) => {
      const isCurrent = c.id === current?.id;
      const conversation =
        isCurrent && current
          ? { ...c, status: current.status, lastMessageAt: current.lastMessageAt, assignee: current.assignee }
          : c;
      return {
        conversation,
        current: isCurrent,
        date: format.format(new Date(conversation.lastMessageAt ?? conversation.createdAt)),
      };
    });
  });
}
