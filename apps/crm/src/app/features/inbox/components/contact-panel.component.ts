import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import type { Conversation } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent, type ViewNotFound } from '../../../common/ui/view-state.component';
import { ContactCardComponent } from '../../contacts/components/contact-card.component';
import { ContactConversationsComponent } from '../../contacts/components/contact-conversations.component';
import { ContactDetailStore } from '../../contacts/data/contact-detail.store';
import { InboxSocket } from '../data/inbox.socket';

/**
 * The open conversation's contact beside the thread: details (editable), merges, and the contact's
 * other conversations. It follows the conversation: a change to the contact made anywhere comes
 * with the conversation's push and the panel reads the contact again.
 */
@Component({
  selector: 'sb-contact-panel',
  imports: [TranslatePipe, ViewStateComponent, ContactCardComponent, ContactConversationsComponent],
  providers: [ContactDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'contact-panel', role: 'complementary', '[attr.aria-label]': 'label()' },
  template: `
    <header>
      <h2>{{ 'contacts.panel.title' | translate }}</h2>
      <button
        type="button"
        class="close"
        data-testid="contact-panel-close"
        [attr.aria-label]="'contacts.panel.hide' | translate"
        (click)="closed.emit()"
      >
        ✕
      </button>
    </header>
    @if (offline()) {
      <p class="offline" role="status" data-testid="contact-panel-offline">
        {{ 'contacts.panel.offline' | translate }}
      </p>
    }
    <sb-view-state
      [hasValue]="!!store.detail()"
      [error]="store.error()"
      [notFound]="notFound()"
      (retry)="store.reload()"
    />
    @if (store.detail(); as detail) {
      <sb-contact-card [channel]="conversation().channel" [headingLevel]="3" />
      <h3>{{ 'contacts.conversations.title' | translate }}</h3>
      <sb-contact-conversations
        [conversations]="detail.conversations"
        [more]="detail.moreConversations"
        [current]="conversation()"
      />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
      padding: 0.75rem;
      overflow-y: auto;
      min-height: 0;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h2 {
      margin: 0;
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--sb-muted);
    }
    h3 {
      margin: 0.4rem 0 0;
      font-size: 0.9rem;
    }
    .close {
      border: none;
      background: none;
      padding: 0.1rem 0.4rem;
    }
    .offline {
      margin: 0;
      padding: 0.35rem 0.5rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.8rem;
    }
    sb-view-state:empty {
      display: none;
    }
  `,
})
export class ContactPanelComponent {
  readonly conversation = input.required<Conversation>();
  readonly closed = output<void>();

  protected readonly store = inject(ContactDetailStore);
  private readonly socket = inject(InboxSocket);
  private readonly i18n = inject(I18nService);

  protected readonly label = computed(() => this.i18n.t('contacts.panel.title'));
  protected readonly offline = computed(() => this.socket.connectionState() === 'offline');
  protected readonly notFound = computed<ViewNotFound>(() => ({
    title: this.i18n.t('contacts.notFound'),
    link: '/contacts',
    linkLabel: this.i18n.t('contacts.title'),
  }));

  constructor() {
    effect(() => {
      const { contact } = this.conversation();
      untracked(() => {
        const shown = this.store.detail();
        if (this.store.id() !== contact.id && shown?.id !== contact.id) this.store.show(contact.id);
        else if (
          shown &&
          (shown.name !== contact.name || shown.email !== contact.email || shown.phone !== contact.phone)
        )
          void this.store.refresh();
      });
    });
  }
}
