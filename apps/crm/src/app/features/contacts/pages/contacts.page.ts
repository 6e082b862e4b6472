import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { CONTACT_QUERY_MIN, ContactsListStore } from '../data/contacts-list.store';

/** /contacts: the contacts of conversations the viewer may see, searched and paged; each opens its detail. */
@Component({
  selector: 'sb-contacts-page',
  imports: [RouterLink, TranslatePipe, ViewStateComponent],
  providers: [ContactsListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'contacts.title' | translate }}</h1>
    </header>
    @if (offline()) {
      <p class="offline" role="status" data-testid="contacts-offline">{{ 'contacts.offline' | translate }}</p>
    }
    <label class="search">
      <span class="visually-hidden">{{ 'contacts.search' | translate }}</span>
      <input
        type="search"
        data-testid="contacts-search"
        [placeholder]="'contacts.search' | translate"
        [value]="store.query()"
        (input)="store.search($any($event.target).value)"
      />
    </label>
    @if (store.tooShort()) {
      <p class="hint" data-testid="contacts-too-short">{{ 'contacts.tooShort' | translate: { min: queryMin } }}</p>
    }
    <sb-view-state
      [hasValue]="store.items() !== undefined"
      [empty]="store.empty()"
      [error]="store.error()"
      [emptyTitle]="(store.searching() ? 'contacts.noMatch' : 'contacts.empty') | translate"
      [emptyHint]="store.searching() ? '' : ('contacts.emptyHint' | translate)"
      (retry)="store.load()"
    />
    @if (store.items(); as items) {
      @if (items.length > 0) {
        <ul class="list" data-testid="contacts-list">
          @for (contact of items; track contact.id) {
            <li>
              <a data-testid="contacts-item" [routerLink]="['/contacts', contact.id]">
                <span class="name">{{ contact.name }}</span>
                <span class="muted small"
                  >{{ contact.email || '' }}{{ contact.email && contact.phone ? ' · ' : ''
                  }}{{ contact.phone || '' }}</span
                >
              </a>
            </li>
          }
        </ul>
        @if (store.hasMore()) {
          <button
            type="button"
            class="more"
            data-testid="contacts-load-more"
            [disabled]="store.loadingMore()"
            (click)="store.loadMore()"
          >
            {{ (store.loadingMore() ? 'inbox.loadingMore' : 'inbox.loadMore') | translate }}
          </button>
        }
        @if (store.loadMoreError()) {
          <sb-view-state [hasValue]="true" [error]="store.loadMoreError()" (retry)="store.loadMore()" />
        }
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 50rem;
    }
    .page-header {
      margin: 0;
    }
    .search input {
      width: 100%;
    }
    .hint {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
    }
    a {
      display: flex;
      flex-direction: column;
      padding: 0.6rem 0.75rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      color: var(--sb-text);
      text-decoration: none;
      overflow-wrap: anywhere;
    }
    a:hover {
      background: var(--sb-hover);
    }
    .name {
      font-weight: 600;
    }
    sb-view-state:empty {
      display: none;
    }
  `,
})
export class ContactsPage {
  protected readonly store = inject(ContactsListStore);
  private readonly realtime = inject(RealtimeService);

  protected readonly queryMin = CONTACT_QUERY_MIN;
  protected readonly offline = computed(() => this.realtime.connectionState() === 'offline');
}
