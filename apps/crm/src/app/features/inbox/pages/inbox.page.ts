import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, Router, RouterOutlet } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../common/ui/live-status.component';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { LabelsStore } from '../../labels/data/labels.store';
import { ConversationListItemComponent } from '../components/conversation-list-item.component';
import { InboxFiltersComponent, type AgentOption } from '../components/inbox-filters.component';
import { InboxSearchComponent } from '../components/inbox-search.component';
import { InboxTabsComponent } from '../components/inbox-tabs.component';
import { ShortcutsDialogComponent } from '../components/shortcuts-dialog.component';
import { InboxApi } from '../data/inbox.api';
import { InboxCountsStore } from '../data/inbox-counts.store';
import { InboxShortcuts } from '../data/inbox-shortcuts';
import {
  activeFilterCount,
  normalizedQuery,
  parseView,
  viewParams,
  type InboxTab,
  type InboxView,
} from '../data/inbox-view';
import { InboxStore } from '../data/inbox.store';
import { roleGroups } from '@switchboard/contracts/types';

/** How often the relative times in the list are refreshed. */
const CLOCK_TICK_MS = 30_000;

/**
 * The inbox: search, the live conversation list (tabs with their counts, filters and order, all
 * in the URL: see inbox-view.ts) on the left, the open conversation on the right, and the
 * keyboard shortcuts (`?` lists them).
 */
@Component({
  selector: 'sb-inbox-page',
  imports: [
    RouterOutlet,
    TranslatePipe,
    LiveStatusComponent,
    ViewStateComponent,
    InboxTabsComponent,
    InboxFiltersComponent,
    InboxSearchComponent,
    ConversationListItemComponent,
    ShortcutsDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="inbox" [class.has-active]="store.activeId() !== null">
      <section class="list-pane" [attr.aria-label]="'inbox.title' | translate">
        <header class="head">
          <h1>{{ 'inbox.title' | translate }}</h1>
          <span class="tools">
            <sb-live-status
              [live]="store.live()"
              [connecting]="store.connecting()"
              [lastUpdatedAt]="store.lastUpdatedAt()"
              [pollIntervalMs]="store.pollIntervalMs"
            />
            <button
              type="button"
              class="help"
              data-testid="shortcuts-button"
              [attr.aria-label]="'workspace.shortcuts.title' | translate"
              [attr.title]="'workspace.shortcuts.title' | translate"
              (click)="shortcuts.showHelp(true)"
            >
              ?
            </button>
          </span>
        </header>
        <sb-inbox-search [viewParams]="store.viewParams()" [now]="now()" (narrowList)="narrowTo($event)" />
        <sb-inbox-tabs [tab]="store.tab()" [counts]="counts.counts()" (tabChange)="selectTab($event)" />
        <sb-inbox-filters
          [view]="store.view()"
          [labels]="labels.items()"
          [agents]="agents()"
          (viewChange)="changeView($event)"
        />
        <div class="scroll">
          <sb-view-state
            [hasValue]="items() !== undefined"
            [empty]="items()?.length === 0"
            [error]="store.error()"
            [emptyTitle]="(filtered() ? 'workspace.emptyView' : 'inbox.emptyTab') | translate"
            [emptyHint]="(filtered() ? 'workspace.emptyViewHint' : 'inbox.emptyHint') | translate"
            (retry)="store.refresh()"
          />
          @if (items(); as items) {
            <ul class="items" data-testid="conversation-list">
              @for (conversation of items; track conversation.id) {
                <li>
                  <sb-conversation-list-item
                    [conversation]="conversation"
                    [active]="conversation.id === store.activeId()"
                    [now]="now()"
                    [queryParams]="store.viewParams()"
                  />
                </li>
              }
            </ul>
            @if (store.hasMore()) {
              <button
                type="button"
                class="more"
                data-testid="load-more"
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
        </div>
      </section>
      <section class="detail">
        <router-outlet />
      </section>
    </div>
    <sb-shortcuts-dialog />
  `,
  styles: `
    /* Fills what the shell leaves of the viewport (its flex-basis 0 keeps the thread from growing the page). */
    :host {
      display: flex;
      flex-direction: column;
      flex: 1 1 0;
      min-height: 24rem;
    }
    /* minmax(0, …): a long preview or an unbroken name ellipsizes or wraps instead of widening its column. */
    .inbox {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
      gap: 1rem;
    }
    .list-pane,
    .detail {
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
      overflow: hidden;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
    }
    /* Visible overflow: the search results fold out over the list. */
    .list-pane {
      padding: 0.75rem;
      gap: 0.6rem;
      overflow: visible;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .help {
      width: 1.7rem;
      height: 1.7rem;
      padding: 0;
      border-radius: 999px;
      font-weight: 700;
    }
    .scroll {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .more {
      width: 100%;
      margin-top: 0.5rem;
    }
    /* A phone: the list, or the open conversation over the whole screen under the top bar (its Back link returns). */
    @media (max-width: 760px) {
      .inbox {
        grid-template-columns: minmax(0, 1fr);
      }
      .inbox.has-active .list-pane,
      .inbox:not(.has-active) .detail {
        display: none;
      }
      .inbox.has-active .detail {
        position: fixed;
        z-index: 5;
        inset: var(--sb-topbar-height, 0) 0 0 0;
        border: none;
        border-radius: 0;
      }
    }
  `,
})
export class InboxPage {
  protected readonly store = inject(InboxStore);
  protected readonly counts = inject(InboxCountsStore);
  protected readonly labels = inject(LabelsStore);
  protected readonly shortcuts = inject(InboxShortcuts);
  protected readonly items = this.store.items;
  protected readonly now = signal(new Date());
  protected readonly agents = signal<AgentOption[]>([]);
  protected readonly filtered = computed(() => activeFilterCount(this.store.view()) > 0);
  private readonly search = viewChild.required(InboxSearchComponent);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  constructor() {
    const clock = setInterval(() => this.now.set(new Date()), CLOCK_TICK_MS);
    // The URL is the view's source: a reload, a shared link, Back and Forward all show its list.
    const params = this.route.queryParamMap.subscribe((p) =>
      this.store.setView(parseView((name) => p.get(name), this.auth.user()?.id ?? null)),
    );
    const keys = [
      this.shortcuts.register('j', () => this.step(1)),
      this.shortcuts.register('k', () => this.step(-1)),
      this.shortcuts.register('/', () => this.search().focus()),
      this.shortcuts.register('?', () => this.shortcuts.showHelp(true)),
    ];
    inject(DestroyRef).onDestroy(() => {
      clearInterval(clock);
      params.unsubscribe();
      keys.forEach((stop) => stop());
    });
    if (this.auth.hasRole(roleGroups.managers)) {
      inject(InboxApi)
        .assignableUsers()
        .then(
          (users) =>
            this.agents.set(
              users.map((u) => ({ id: u.id, name: u.name })).filter((u) => u.id !== this.auth.user()?.id),
            ),
          () => undefined,
        );
    }
    // j and k move through a long list: the row opened stays in sight.
    afterRenderEffect(() => {
      const id = this.store.activeId();
      if (id)
        this.host
          .querySelector(`[data-testid="conversation-list"] [data-conversation-id="${id}"]`)
          ?.scrollIntoView({ block: 'nearest' });
    });
  }

  protected selectTab(tab: InboxTab): void {
    this.store.setTab(tab);
    this.putInUrl(this.store.view());
  }

  protected changeView(view: InboxView): void {
    this.store.setView(view);
    this.putInUrl(this.store.view());
  }

  /** The search's words narrow the list (within the tab and filters chosen). */
  protected narrowTo(words: string): void {
    const q = normalizedQuery(words);
    if (q) this.changeView({ ...this.store.view(), q });
  }

  private step(step: 1 | -1): void {
    const next = this.store.neighbour(step);
    if (!next) return;
    // Marked open now, not when its page has loaded: a second `j` pressed meanwhile goes on from it.
    this.store.setActive(next.id);
    void this.router.navigate(['/inbox', next.id], { queryParams: this.store.viewParams() });
  }

  /** The view in the URL (replacing the entry: a filter change is no page to go back to). */
  private putInUrl(view: InboxView): void {
    void this.router.navigate([], {
      relativeTo: this.route.firstChild ?? this.route,
      queryParams: viewParams(view),
      replaceUrl: true,
    });
  }
}
