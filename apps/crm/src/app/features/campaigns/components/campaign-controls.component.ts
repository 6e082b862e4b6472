import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { CampaignAction } from '../data/campaigns.api';

/**
 * Pause, resume and cancel, each enabled only when the campaign's status allows it. Cancel
 * cannot be undone, so it asks first.
 */
@Component({
  selector: 'sb-campaign-controls',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (confirming() && canCancel()) {
      <div class="confirm" role="alertdialog" aria-labelledby="cancel-question" data-testid="cancel-confirm">
        <p id="cancel-question">{{ 'campaigns.controls.confirmCancel' | translate }}</p>
        <button type="button" class="danger" data-testid="cancel-confirm-yes" (click)="confirmCancel()">
          {{ 'campaigns.controls.confirmCancelYes' | translate }}
        </button>
        <button type="button" data-testid="cancel-confirm-no" (click)="confirming.set(false)">
          {{ 'campaigns.controls.confirmCancelNo' | translate }}
        </button>
      </div>
    } @else {
      <div class="buttons">
        <button type="button" data-testid="campaign-pause" [disabled]="!canPause()" (click)="act.emit('pause')">
          {{ (busy() === 'pause' ? 'campaigns.controls.pausing' : 'campaigns.controls.pause') | translate }}
        </button>
        <button type="button" data-testid="campaign-resume" [disabled]="!canResume()" (click)="act.emit('resume')">
          {{ (busy() === 'resume' ? 'campaigns.controls.resuming' : 'campaigns.controls.resume') | translate }}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="campaign-cancel"
          [disabled]="!canCancel()"
          (click)="confirming.set(true)"
        >
          {{ (busy() === 'cancel' ? 'campaigns.controls.cancelling' : 'campaigns.controls.cancel') | translate }}
        </button>
      </div>
    }
  `,
  styles: `
    .buttons,
    .confirm {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .confirm {
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
    }
    .confirm p {
      margin: 0 0.5rem 0 0;
      font-weight: 600;
    }
    .danger:not(:disabled) {
      color: var(--sb-red);
      border-color: var(--sb-red);
    }
  `,
})
export class CampaignControlsComponent {
  readonly canPause = input(false);
  readonly canResume = input(false);
  readonly canCancel = input(false);
  readonly busy = input<CampaignAction | null>(null);
  readonly act = output<CampaignAction>();

  protected readonly confirming = signal(false);

  protected confirmCancel(): void {
    this.confirming.set(false);
    this.act.emit('cancel');
  }
}
