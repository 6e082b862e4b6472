import { Injectable, computed, inject } from '@angular/core';
import type { User, UserWithPresence } from '@switchboard/contracts/types';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { addMember, applyPresence, replaceMember } from './team-members';
import { TeamApi } from './team.api';
import { TeamSocket } from './team.socket';

/**
 * The staff list with who is online: a REST snapshot (again at every reconnect of /chat, since
 * presence changes are missed while down, and polled while it is down) kept live by
 * `presence_changed`. Provided by the team route.
 */
@Injectable()
export class TeamStore {
  private readonly api = inject(TeamApi);
  private readonly socket = inject(TeamSocket);

  private readonly resource = liveResource<UserWithPresence[]>({
    snapshot: async () => (await this.api.members()).items,
    deltas: [liveDelta(this.socket.presenceChanged(), applyPresence)],
    connection: this.socket.liveConnection(),
  });

  /** Undefined until the first snapshot. */
  readonly members = this.resource.value;
  readonly empty = computed(() => this.resource.value()?.length === 0);
  readonly error = this.resource.error;
  readonly live = this.resource.live;
  readonly connecting = this.resource.connecting;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;
  /** The browser is offline or the reconnects keep failing. */
  readonly offline = computed(() => this.socket.connectionState() === 'offline');

  refresh(): void {
    this.resource.refresh();
  }

  /** Someone we just created: shown at once (also onto a snapshot in flight). */
  add(user: User): void {
    this.resource.update((members) => addMember(members, user));
  }

  /** A member as our own change left them (the PATCH answer): shown at once. */
  replace(user: UserWithPresence): void {
    this.resource.update((members) => replaceMember(members, user));
  }
}
