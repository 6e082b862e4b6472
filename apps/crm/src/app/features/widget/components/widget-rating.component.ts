import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { WidgetRatingStore } from '../data/widget-rating.store';

const SCORES = [1, 2, 3, 4, 5] as const;
/** The server's default limit (RATING_COMMENT_MAX_LENGTH); a lower one answers with its own message. */
const COMMENT_MAX = 1000;

/** 1 to 5 stars and an optional comment for a closed conversation; thanks once sent, and only once. */
@Component({
  selector: 'sb-widget-rating',
  imports: [TranslatePipe],
  providers: [WidgetRatingStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (store.state()) {
      @case ('thanks') {
        <p class="done" role="status" data-testid="widget-rating-thanks">{{ 'widget.rating.thanks' | translate }}</p>
      }
      @case ('already') {
        <p class="done" role="status" data-testid="widget-rating-already">{{ 'widget.rating.already' | translate }}</p>
      }
      @default {
        <form (submit)="$event.preventDefault(); send()" data-testid="widget-rating">
          <fieldset [disabled]="sending()">
            <legend>{{ 'widget.rating.title' | translate }}</legend>
            <div class="scores" role="radiogroup">
              @for (s of scores; track s) {
                <button
                  type="button"
                  role="radio"
                  [attr.aria-checked]="score() === s"
                  [attr.aria-label]="'widget.rating.score' | translate: { score: s }"
                  [attr.data-testid]="'widget-rating-' + s"
                  [class.on]="(score() ?? 0) >= s"
                  (click)="score.set(s)"
                >
                  ★
                </button>
              }
            </div>
            <label>
              {{ 'widget.rating.comment' | translate }}
              <textarea
                rows="2"
                [maxLength]="commentMax"
                [value]="comment()"
                (input)="comment.set($any($event.target).value)"
                data-testid="widget-rating-comment"
              ></textarea>
            </label>
            @if (store.error(); as error) {
              <p class="error" role="alert" data-testid="widget-rating-error">{{ errorText() }}</p>
            }
            <button type="submit" class="send" [disabled]="score() === null" data-testid="widget-rating-send">
              {{ (sending() ? 'widget.rating.sending' : 'widget.rating.send') | translate }}
            </button>
          </fieldset>
        </form>
      }
    }
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .scores button {
      font-size: 1.4rem;
      background: none;
      border: 0;
      cursor: pointer;
      color: var(--sb-border);
      padding: 0 0.1rem;
    }
    .scores button.on {
      color: #f5a623;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.85rem;
    }
    textarea {
      font: inherit;
      resize: vertical;
    }
    .send {
      align-self: flex-start;
    }
    .error {
      color: var(--sb-danger, #b00020);
      font-size: 0.85rem;
    }
    .done {
      font-weight: 600;
    }
  `,
})
export class WidgetRatingComponent {
  readonly conversationId = input.required<string>();

  protected readonly store = inject(WidgetRatingStore);
  private readonly i18n = inject(I18nService);
  protected readonly scores = SCORES;
  protected readonly commentMax = COMMENT_MAX;
  protected readonly score = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly sending = computed(() => this.store.state() === 'sending');
  protected readonly errorText = computed(() => {
    const error = this.store.error();
    if (!error) return '';
    if (error.code === 'network') return this.i18n.t('widget.rating.offline');
    return error.message || this.i18n.t('widget.rating.error');
  });

  protected send(): void {
    const score = this.score();
    if (score !== null) void this.store.send(this.conversationId(), score, this.comment());
  }
}
