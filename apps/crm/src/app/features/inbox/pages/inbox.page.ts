import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../shared/ui/live-status.component';
import { ViewStateComponent } from '../../../shared/ui/view-state.component';
import { ConversationListItemComponent } from '../components/conversation-list-item.component';
import { InboxTabsComponent } from '../components/inbox-tabs.component';
import { INBOX_TABS, type InboxTab } from '../data/conversation-list';
import { InboxStore } from '../data/inbox.store';

/** How often the relative times in the list are refreshed. */
const CLOCK_TICK_MS = 30_000;

/** The query parameter that selects a tab: `/inbox?tab=unassigned` (links from the dashboard use it). */
export const INBOX_TAB_PARAM = 'tab';

const isInboxTab = (value: string | null): value is InboxTab => (INBOX_TABS as readonly (string | null)[]).includes(value);

/** The inbox: the live conversation list on the left, the open conversation on the right. */
@Component({
  selector: 'sb-inbox-page',
  imports: [RouterOutlet, TranslatePipe, LiveStatusComponent, ViewStateComponent, InboxTabsComponent, ConversationListItemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="inbox" [class.has-active]="store.activeId() !== null">
      <section class="list-pane" [attr.aria-label]="'inbox.title' | translate">
        <header class="head">
          <h1>{{ 'inbox.title' | translate }}</h1>
          <sb-live-status
            [live]="store.live()"
            [connecting]="store.connecting()"
            [lastUpdatedAt]="store.lastUpdatedAt()"
            [pollIntervalMs]="store.pollIntervalMs"
          />
        </header>
        <sb-inbox-tabs [tab]="store.tab()" (tabChange)="selectTab($event)" />
        <div class="scroll">
          <sb-view-state
            [hasValue]="items() !== undefined"
            [empty]="items()?.length === 0"
            [error]="store.error()"
            [emptyTitle]="'inbox.emptyTab' | translate"
            [emptyHint]="'inbox.emptyHint' | translate"
            (retry)="store.refresh()"
          />
          @if (items(); as items) {
            <ul class="items" data-testid="conversation-list">
              @for (conversation of items; track conversation.id) {
                <li>
                  <sb-conversation-list-item [conversation]="conversation" [active]="conversation.id === store.activeId()" [now]="now()" />
                </li>
              }
            </ul>
            @if (store.hasMore()) {
              <button type="button" class="more" data-testid="load-more" [disabled]="store.loadingMore()" (click)="store.loadMore()">
                {{ (store.loadingMore() ? 'inbox.loadingMore' : 'inbox.loadMore') | translate }}
              </button>
            }
            @if (store.loadMoreError()) {
              <sb-view-state [hasValue]="true" [error]="store.loadMoreError()" (retry)="store.loadMore()" />
            }
          }
        </div>
      </section>
      <section class="detail">
        <router-outlet />
      </section>
    </div>
  `,
  styles: `
    /* Fills what the shell leaves of the viewport (its flex-basis 0 keeps the thread from growing the page). */
    :host { display: flex; flex-direction: column; flex: 1 1 0; min-height: 24rem; }
    /* minmax(0, …): a long preview or an unbroken name ellipsizes or wraps instead of widening its column. */
    .inbox { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr); gap: 1rem; }
    .list-pane, .detail { display: flex; flex-direction: column; min-height: 0; min-width: 0; overflow: hidden; background: var(--sb-surface);
      border: 1px solid var(--sb-border); border-radius: var(--sb-radius-lg); }
    .list-pane { padding: 0.75rem; gap: 0.6rem; }
    .head { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: 0.4rem; }
    .scroll { flex: 1; min-height: 0; overflow-y: auto; }
    .items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.15rem; }
    .more { width: 100%; margin-top: 0.5rem; }
    @media (max-width: 760px) {
      .inbox { grid-template-columns: minmax(0, 1fr); }
      .inbox.has-active .list-pane, .inbox:not(.has-active) .detail { display: none; }
    }
  `,
})
export class InboxPage {
  protected readonly store = inject(InboxStore);
  protected readonly items = this.store.items;
  protected readonly now = signal(new Date());
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  constructor() {
    const clock = setInterval(() => this.now.set(new Date()), CLOCK_TICK_MS);
    const tabParam = this.route.queryParamMap.subscribe((params) => {
      const tab = params.get(INBOX_TAB_PARAM);
      if (isInboxTab(tab)) this.store.setTab(tab);
    });
    inject(DestroyRef).onDestroy(() => {
      clearInterval(clock);
      tabParam.unsubscribe();
    });
  }

  /** Switches the list and keeps the tab in the URL (so a reload or a shared link shows the same tab). */
  protected selectTab(tab: InboxTab): void {
    this.store.setTab(tab);
    void this.router.navigate([], {
      relativeTo: this.route.firstChild ?? this.route,
      queryParams: { [INBOX_TAB_PARAM]: tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
