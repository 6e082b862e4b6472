import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LanguageSwitchComponent } from '../../../core/layout/language-switch.component';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { WidgetChatComponent } from '../components/widget-chat.component';
import { WidgetStartFormComponent } from '../components/widget-start-form.component';
import { WidgetEmbedBridge } from '../data/widget-embed.bridge';
import { WidgetStore } from '../data/widget.store';

/** /widget: the embeddable customer chat (no login, no shell). */
@Component({
  selector: 'sb-widget-page',
  imports: [TranslatePipe, LanguageSwitchComponent, WidgetStartFormComponent, WidgetChatComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="widget">
      <header>
        <h1>{{ 'widget.title' | translate }}</h1>
        <sb-language-switch />
      </header>
      @if (store.session(); as session) {
        <sb-widget-chat [conversationId]="session.conversationId" />
      } @else {
        <sb-widget-start-form
          [busy]="store.starting()"
          [error]="store.startError()"
          [expired]="store.expired()"
          (startChat)="store.start($event)"
        />
      }
    </div>
  `,
  styles: `
    .widget {
      display: flex;
      flex-direction: column;
      height: 100vh;
      height: 100dvh;
      max-width: 40rem;
      margin: 0 auto;
      background: var(--sb-surface);
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 0.5rem 0.75rem;
      background: var(--sb-primary);
      color: #fff;
    }
    h1 {
      font-size: 1rem;
    }
  `,
})
export class WidgetPage {
  protected readonly store = inject(WidgetStore);

  constructor() {
    // Embedded through widget.js: the host page's badge hears of arriving messages.
    inject(WidgetEmbedBridge);
  }
}
