import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthStore } from '../../../core/auth/auth.store';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../common/ui/live-status.component';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { NewMemberFormComponent } from '../components/new-member-form.component';
import { TeamMemberListComponent } from '../components/team-member-list.component';
import { TeamStore } from '../data/team.store';

/** The team: every staff user with live presence; admins also add and edit members here. */
@Component({
  selector: 'sb-team-page',
  imports: [TranslatePipe, LiveStatusComponent, ViewStateComponent, NewMemberFormComponent, TeamMemberListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'team.title' | translate }}</h1>
      <sb-live-status
        [live]="store.live()"
        [connecting]="store.connecting()"
        [lastUpdatedAt]="store.lastUpdatedAt()"
        [pollIntervalMs]="store.pollIntervalMs"
      />
    </header>
    @if (store.offline()) {
      <p class="offline" role="status" data-testid="team-offline">
        {{ 'team.offlineNotice' | translate: { seconds: pollSeconds } }}
      </p>
    }
    @if (isAdmin()) {
      <sb-new-member-form />
    }
    <sb-view-state
      [hasValue]="store.members() !== undefined"
      [empty]="store.empty()"
      [error]="store.error()"
      [emptyTitle]="'team.empty' | translate"
      [emptyHint]="'team.emptyHint' | translate"
      (retry)="store.refresh()"
    />
    @if (store.members(); as members) {
      @if (members.length > 0) {
        <sb-team-member-list [members]="members" [editable]="isAdmin()" [selfId]="selfId()" />
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      max-width: 60rem;
    }
    .page-header {
      margin: 0;
      justify-content: flex-start;
    }
    /* With nothing to say (the list is shown) it would still take a gap of the column. */
    sb-view-state:empty {
      display: none;
    }
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
  `,
})
export class TeamPage {
  protected readonly store = inject(TeamStore);
  private readonly auth = inject(AuthStore);
  /** Supervisors may list the team; only admins may add to it and change it (POST and PATCH /api/users). */
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly selfId = computed(() => this.auth.user()?.id ?? null);
  protected readonly pollSeconds = Math.round(this.store.pollIntervalMs / 1000);
}
