import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CampaignPreview, RecipientRowError } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/**
 * What a campaign would do: how many recipients get it, duplicates left out, the rows that
 * cannot be sent to (with the server's reason, per row) and the first messages as rendered.
 */
@Component({
  selector: 'sb-campaign-preview',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (preview(); as p) {
      <dl class="figures" data-testid="campaign-preview">
        <div>
          <dt>{{ 'campaigns.preview.valid' | translate }}</dt>
          <dd data-testid="preview-total">{{ p.total }}</dd>
        </div>
        <div>
          <dt>{{ 'campaigns.preview.duplicates' | translate }}</dt>
          <dd data-testid="preview-duplicates">{{ p.duplicates }}</dd>
        </div>
        <div>
          <dt>{{ 'campaigns.preview.invalid' | translate }}</dt>
          <dd data-testid="preview-invalid" [class.bad]="invalidRows().length > 0">{{ invalidRows().length }}</dd>
        </div>
      </dl>
    }

    @if (invalidRows().length > 0) {
      <section class="invalid" role="alert">
        <h3>
          {{
            (rejectedByServer() ? 'campaigns.preview.rejectedRows' : 'campaigns.preview.invalidRows')
              | translate: { count: invalidRows().length }
          }}
        </h3>
        <div class="scroll">
          <table class="stack-table" data-testid="invalid-rows">
            <thead>
              <tr>
                <th scope="col">{{ 'campaigns.preview.row' | translate }}</th>
                <th scope="col">{{ 'campaigns.preview.phone' | translate }}</th>
                <th scope="col">{{ 'campaigns.preview.problem' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (error of invalidRows(); track $index) {
                <tr data-testid="invalid-row" [attr.data-row]="error.row">
                  <td [attr.data-label]="'campaigns.preview.row' | translate">{{ error.row }}</td>
                  <td [attr.data-label]="'campaigns.preview.phone' | translate">{{ error.phone ?? '—' }}</td>
                  <td [attr.data-label]="'campaigns.preview.problem' | translate">{{ error.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }

    @if (preview(); as p) {
      @if (p.preview.length > 0) {
        <section>
          <h3>{{ 'campaigns.preview.messages' | translate: { count: p.preview.length } }}</h3>
          <ol class="messages" data-testid="preview-messages">
            @for (message of p.preview; track $index) {
              <li>
                <div class="to">{{ message.name ? message.name + ' · ' + message.to : message.to }}</div>
                <p class="bubble">{{ message.content }}</p>
              </li>
            }
          </ol>
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 0.5rem;
    }
    .figures {
      display: flex;
      gap: 1.5rem;
      flex-wrap: wrap;
      margin: 0;
    }
    dt {
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    dd {
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
    }
    dd.bad,
    .invalid h3 {
      color: var(--sb-red);
    }
    .scroll {
      max-height: 16rem;
      overflow: auto;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.6rem;
      border-bottom: 1px solid var(--sb-border);
    }
    th {
      background: var(--sb-bg);
      position: sticky;
      top: 0;
    }
    .messages {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .to {
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .bubble {
      margin: 0.15rem 0 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius-lg);
      background: var(--sb-green-soft);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-width: 36rem;
    }
  `,
})
export class CampaignPreviewComponent {
  readonly preview = input<CampaignPreview | null>(null);
  readonly invalidRows = input<RecipientRowError[]>([]);
  /** The rows come from a refused create rather than from the preview. */
  readonly rejectedByServer = input(false);
}
