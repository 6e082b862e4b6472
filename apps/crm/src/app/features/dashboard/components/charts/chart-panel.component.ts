import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A chart's frame: its title, the canvas (projected) and a friendly overlay when all is zero. */
@Component({
  selector: 'sb-chart-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="panel" [attr.data-testid]="testId()" [attr.data-empty]="empty()">
      <figcaption>{{ caption() }}</figcaption>
      <div class="plot">
        <ng-content />
        @if (empty()) {
          <div class="overlay" data-testid="chart-empty">{{ emptyText() }}</div>
        }
      </div>
    </figure>
  `,
  styles: `
    .panel {
      margin: 0;
      padding: 0.75rem 1rem 1rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-width: 0;
    }
    figcaption {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .plot {
      position: relative;
      height: 14rem;
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      color: var(--sb-muted);
      background: rgb(255 255 255 / 70%);
      font-size: 0.9rem;
      border-radius: var(--sb-radius);
    }
  `,
})
export class ChartPanelComponent {
  readonly testId = input.required<string>();
  readonly caption = input.required<string>();
  readonly empty = input(false);
  readonly emptyText = input('');
}
