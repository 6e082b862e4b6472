import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Stats } from '@switchboard/contracts/types';

/** One agent's CSAT this month in the agents table: "4.5 (2)", or a dash without ratings. */
@Component({
  selector: 'sb-agent-csat',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    data-testid="agent-csat"
    [attr.data-average]="agent().csatAverage"
    [attr.data-count]="agent().csatCount"
    >{{ shown() }}</span
  >`,
})
export class AgentCsatComponent {
  readonly agent = input.required<Pick<Stats['perAgent'][number], 'csatAverage' | 'csatCount'>>();
  protected readonly shown = computed(() => {
    const { csatAverage, csatCount } = this.agent();
    return csatAverage === null ? '—' : `${csatAverage.toFixed(1)} (${csatCount})`;
  });
}
