import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Conversation } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import { relativeTime } from './relative-time';

/** One row of the inbox: contact, preview, unread badge, relative time, channel, assignee, labels. */
@Component({
  selector: 'sb-conversation-list-item',
  imports: [RouterLink, TranslatePipe, LabelChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      class="item"
      [class.active]="active()"
      [class.unread]="conversation().unreadCount > 0"
      [routerLink]="['/inbox', conversation().id]"
      [queryParams]="queryParams()"
      data-testid="conversation-item"
      [attr.data-conversation-id]="conversation().id"
      [attr.aria-current]="active() ? 'page' : null"
    >
      <span class="row">
        <span class="who">
          <strong class="name" [attr.title]="conversation().contact.name">{{ conversation().contact.name }}</strong>
          @if (conversation().channel === 'whatsapp') {
            <span class="wa-badge" data-testid="whatsapp-badge">{{ 'inbox.whatsapp.badge' | translate }}</span>
          }
        </span>
        <time class="time" [attr.datetime]="activityAt()">{{ when() }}</time>
      </span>
      <span class="row">
        <span class="preview" [attr.title]="conversation().lastMessagePreview">{{
          conversation().lastMessagePreview || ('inbox.noPreview' | translate)
        }}</span>
        @if (conversation().unreadCount > 0) {
          <span
            class="badge"
            data-testid="unread-badge"
            [attr.aria-label]="'inbox.unreadCount' | translate: { count: conversation().unreadCount }"
          >
            {{ conversation().unreadCount }}
          </span>
        }
      </span>
      <span class="meta">
        {{ channelKey() | translate }} · {{ conversation().assignee?.name || ('inbox.unassigned' | translate) }}
        @if (conversation().status === 'closed') {
          · {{ 'conversation.status.closed' | translate }}
        }
      </span>
      @if (conversation().labels.length > 0) {
        <span class="labels">
          @for (label of conversation().labels; track label.id) {
            <sb-label-chip [name]="label.name" [color]="label.color" />
          }
        </span>
      }
    </a>
  `,
  styles: `
    .item {
      display: flex;
      flex-direction: column;
      gap: 0.1rem;
      padding: 0.6rem 0.75rem;
      text-decoration: none;
      color: inherit;
      border-radius: var(--sb-radius);
      border: 1px solid transparent;
    }
    .item:hover {
      background: var(--sb-hover);
    }
    .item.active {
      background: var(--sb-primary-soft);
      border-color: #c9d6fb;
    }
    .item.unread .name,
    .item.unread .preview {
      font-weight: 700;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      align-items: baseline;
      min-width: 0;
    }
    /* One line each, however long or unbroken: the time and the unread badge keep their place on the right. */
    .name,
    .preview,
    .meta {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .who,
    .preview {
      flex: 1 1 auto;
      min-width: 0;
    }
    .who {
      display: flex;
      align-items: baseline;
      gap: 0.35rem;
    }
    .wa-badge {
      flex: none;
      font-size: 0.65rem;
      font-weight: 600;
      padding: 0 0.35rem;
      border-radius: 999px;
      background: #dcf8c6;
      color: #1f6f3d;
    }
    .preview {
      color: var(--sb-muted);
      font-size: 0.85rem;
    }
    .time,
    .meta {
      color: var(--sb-muted);
      font-size: 0.75rem;
      white-space: nowrap;
    }
    .time,
    .badge {
      flex: none;
    }
    .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem;
      margin-top: 0.15rem;
    }
    .badge {
      background: var(--sb-primary);
      color: #fff;
      border-radius: 999px;
      padding: 0 0.45rem;
      font-size: 0.75rem;
    }
  `,
})
export class ConversationListItemComponent {
  private readonly i18n = inject(I18nService);

  readonly conversation = input.required<Conversation>();
  readonly active = input(false);
  /** The list's view, kept by the link (a reload there shows the same list). */
  readonly queryParams = input<Record<string, string | null>>({});
  /** The clock the relative time is measured against (ticks every 30 s). */
  readonly now = input.required<Date>();

  protected readonly activityAt = computed(() => this.conversation().lastMessageAt ?? this.conversation().createdAt);
  protected readonly when = computed(
    () => relativeTime(this.activityAt(), this.now(), this.i18n.locale()) ?? this.i18n.t('inbox.justNow'),
  );
  protected readonly channelKey = computed(() => `channel.${this.conversation().channel}` as const);
}
