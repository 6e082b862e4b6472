import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, viewChild } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { InboxShortcuts } from '../data/inbox-shortcuts';

/** The inbox's keyboard shortcuts (opened with `?`): a modal dialog, closed with Esc or its button. */
@Component({
  selector: 'sb-shortcuts-dialog',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      data-testid="shortcuts-dialog"
      aria-labelledby="sb-shortcuts-title"
      (close)="shortcuts.showHelp(false)"
    >
      <h2 id="sb-shortcuts-title">{{ 'workspace.shortcuts.title' | translate }}</h2>
      <dl>
        @for (row of rows; track row.label) {
          <div class="row">
            <dt>
              @for (key of row.keys; track key) {
                <kbd>{{ key }}</kbd>
              }
            </dt>
            <dd>{{ row.label | translate }}</dd>
          </div>
        }
      </dl>
      <p class="note">{{ 'workspace.shortcuts.typingNote' | translate }}</p>
      <form method="dialog">
        <button type="submit" data-testid="shortcuts-close" autofocus>
          {{ 'workspace.shortcuts.closeDialog' | translate }}
        </button>
      </form>
    </dialog>
  `,
  styles: `
    dialog {
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      padding: 1rem 1.25rem;
      max-width: min(26rem, 92vw);
      box-shadow: var(--sb-shadow);
      color: var(--sb-text);
      background: var(--sb-surface);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.05rem;
    }
    dl {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    .row {
      display: grid;
      grid-template-columns: 6.5rem 1fr;
      gap: 0.6rem;
      align-items: baseline;
    }
    dt {
      display: flex;
      gap: 0.2rem;
    }
    dd {
      margin: 0;
    }
    kbd {
      font:
        600 0.8rem ui-monospace,
        monospace;
      padding: 0.05rem 0.4rem;
      border: 1px solid var(--sb-border);
      border-bottom-width: 2px;
      border-radius: 4px;
      background: var(--sb-hover);
    }
    .note {
      color: var(--sb-muted);
      font-size: 0.8rem;
      margin: 0.8rem 0;
    }
    form {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class ShortcutsDialogComponent {
  protected readonly shortcuts = inject(InboxShortcuts);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly rows: { keys: string[]; label: TranslationKey }[] = [
    { keys: ['j'], label: 'workspace.shortcuts.next' },
    { keys: ['k'], label: 'workspace.shortcuts.previous' },
    { keys: ['/'], label: 'workspace.shortcuts.search' },
    { keys: ['e'], label: 'workspace.shortcuts.close' },
    { keys: ['a'], label: 'workspace.shortcuts.assign' },
    { keys: ['Ctrl', 'Enter'], label: 'workspace.shortcuts.send' },
    { keys: ['?'], label: 'workspace.shortcuts.help' },
  ];

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      const open = this.shortcuts.helpOpen();
      if (open && !dialog.open) dialog.showModal();
      else if (!open && dialog.open) dialog.close();
    });
  }
}
