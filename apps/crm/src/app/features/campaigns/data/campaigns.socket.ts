import { DestroyRef, Injectable, computed, inject, type Signal } from '@angular/core';
import type { Campaign } from '@switchboard/contracts/types';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerEventName, ServerPayload } from '../../../core/realtime/realtime.types';

type BulkServerEvent = ServerEventName<'/bulk'>;

/** Who wants one campaign's events: told the snapshot of every `subscribe` ack, or why it failed. */
export interface CampaignWatcher {
  snapshot(campaign: Campaign): void;
  error?(error: unknown): void;
}

/**
 * Typed access to the /bulk namespace. The server sends a campaign's progress only to sockets
 * that sent `subscribe {campaignId}`, and a reconnected socket has left every room: so views
 * `watch()` the campaigns they show, and this service subscribes each watched campaign once
 * (however many views watch it), again after every reconnect, and unsubscribes when the last
 * watcher lets go. Provided by the campaigns route, shared by its pages.
 */
@Injectable()
export class CampaignsSocket {
  private readonly realtime = inject(RealtimeService);

  private readonly status = this.realtime.namespaceStatus('/bulk');
  /** True while /bulk is connected, i.e. progress flows. */
  readonly connected: Signal<boolean> = computed(() => this.status() === 'connected');
  /** The app's overall connection (offline, reconnecting…). */
  readonly connectionState = this.realtime.connectionState;

  private readonly watchers = new Map<string, Set<CampaignWatcher>>();

  constructor() {
    const reconnects = this.realtime.connected$('/bulk').subscribe(() => {
      for (const campaignId of this.watchers.keys()) this.subscribe(campaignId);
    });
    inject(DestroyRef).onDestroy(() => reconnects.unsubscribe());
  }

  on<E extends BulkServerEvent>(event: E): Observable<ServerPayload<'/bulk', E>> {
    return this.realtime.on('/bulk', event);
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/bulk');
  }

  /** Keeps the campaign's events coming (now if connected, else at the next connect) until the returned release is called. */
  watch(campaignId: string, watcher: CampaignWatcher): () => void {
    let set = this.watchers.get(campaignId);
    if (!set) {
      set = new Set();
      this.watchers.set(campaignId, set);
    }
    set.add(watcher);
    if (this.connected()) this.subscribe(campaignId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const current = this.watchers.get(campaignId);
      current?.delete(watcher);
      if (!current || current.size > 0) return;
      this.watchers.delete(campaignId);
      if (this.connected()) this.realtime.emit('/bulk', 'unsubscribe', { campaignId }).catch(() => undefined);
    };
  }

  private subscribe(campaignId: string): void {
    this.realtime.emit('/bulk', 'subscribe', { campaignId }).then(
      ({ campaign }) => {
        for (const watcher of this.watchers.get(campaignId) ?? []) watcher.snapshot(campaign);
      },
      (error: unknown) => {
        for (const watcher of this.watchers.get(campaignId) ?? []) watcher.error?.(error);
      },
    );
  }
}
