import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

/** The right-hand side of the inbox before a conversation is chosen. */
@Component({
  selector: 'sb-inbox-placeholder-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="placeholder">
      <p class="title">{{ 'inbox.selectConversation' | translate }}</p>
      <p class="muted">{{ 'inbox.selectHint' | translate }}</p>
    </div>
  `,
  styles: `
    .placeholder {
      height: 100%;
      display: grid;
      place-content: center;
      text-align: center;
      padding: 2rem;
    }
    .title {
      font-weight: 600;
      margin: 0 0 0.3rem;
    }
  `,
})
export class InboxPlaceholderPage {}
