import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { ViewStateComponent, type ViewNotFound } from '../../../common/ui/view-state.component';
import { ContactCardComponent } from '../components/contact-card.component';
import { ContactConversationsComponent } from '../components/contact-conversations.component';
import { ContactDetailStore } from '../data/contact-detail.store';

/** /contacts/:contactId: one contact with the same details, edits, merges and conversations as the inbox panel. */
@Component({
  selector: 'sb-contact-page',
  imports: [RouterLink, TranslatePipe, ViewStateComponent, ContactCardComponent, ContactConversationsComponent],
  providers: [ContactDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="/contacts" data-testid="contact-back">← {{ 'contacts.back' | translate }}</a>
    @if (offline()) {
      <p class="offline" role="status" data-testid="contact-offline">{{ 'contacts.offline' | translate }}</p>
    }
    <sb-view-state
      [hasValue]="!!store.detail()"
      [error]="store.error()"
      [notFound]="notFound()"
      (retry)="store.reload()"
    />
    @if (store.detail(); as detail) {
      <section class="card" data-testid="contact-detail">
        <sb-contact-card [headingLevel]="1" />
      </section>
      <section class="card">
        <h2>{{ 'contacts.conversations.title' | translate }}</h2>
        <sb-contact-conversations [conversations]="detail.conversations" [more]="detail.moreConversations" />
      </section>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 40rem;
    }
    .card {
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      padding: 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    sb-view-state:empty {
      display: none;
    }
  `,
})
export class ContactPage {
  readonly contactId = input.required<string>();

  protected readonly store = inject(ContactDetailStore);
  private readonly realtime = inject(RealtimeService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly offline = computed(() => this.realtime.connectionState() === 'offline');
  protected readonly notFound = computed<ViewNotFound>(() => ({
    title: this.i18n.t('contacts.notFound'),
    link: '/contacts',
    linkLabel: this.i18n.t('contacts.back'),
  }));

  constructor() {
    effect(() => {
      const id = this.contactId();
      untracked(() => this.store.show(id));
    });
    // A merged contact answers with the one it went into: the address follows, so a reload or a
    // shared link shows the contact that remains.
    effect(() => {
      const shown = this.store.detail()?.id;
      if (shown && shown !== untracked(() => this.contactId()))
        void this.router.navigate(['/contacts', shown], { replaceUrl: true });
    });
  }
}
