import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { Conversation, Label, UserWithPresence } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import { LabelPickerComponent } from './label-picker.component';

/**
 * Contact, status, labels and assignee of the open conversation, with the actions the viewer may
 * take: labels, an assign select (admins, supervisors), Take (an agent, when unassigned), Close / Reopen.
 */
@Component({
  selector: 'sb-conversation-header',
  imports: [TranslatePipe, LabelChipComponent, LabelPickerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="who">
      <h2>
        <span data-testid="conversation-contact">{{ conversation().contact.name }}</span>
        @if (conversation().channel === 'whatsapp') {
          <span class="wa-badge" data-testid="whatsapp-badge">{{ 'inbox.whatsapp.badge' | translate }}</span>
        }
      </h2>
      <span class="muted small">
        <span class="status" [attr.data-status]="conversation().status" data-testid="conversation-status">
          {{
            (conversation().status === 'open' ? 'conversation.status.open' : 'conversation.status.closed') | translate
          }}
        </span>
        @if (conversation().contact.email; as email) {
          · {{ email }}
        }
        @if (conversation().contact.phone; as phone) {
          · {{ phone }}
        }
      </span>
      @if (conversation().labels.length > 0) {
        <span class="labels" data-testid="conversation-labels">
          @for (label of conversation().labels; track label.id) {
            <sb-label-chip [name]="label.name" [color]="label.color" />
          }
        </span>
      }
    </div>
    <div class="actions">
      <sb-label-picker
        [value]="conversation().labels"
        [catalogue]="labelCatalogue()"
        [catalogueError]="labelCatalogueError()"
        [busy]="labelsBusy()"
        [disabled]="!canAct()"
        [canManage]="canAssign()"
        (changed)="labelsChange.emit($event)"
        (reload)="reloadLabels.emit()"
      />
      @if (canAssign()) {
        <label class="muted small">
          {{ 'conversation.assignee' | translate }}
          <select
            data-testid="assign-select"
            [disabled]="busy()"
            [value]="assigneeId()"
            (change)="onAssign($any($event.target).value)"
          >
            <option value="">{{ 'conversation.nobody' | translate }}</option>
            @for (user of staffOptions(); track user.id) {
              <option [value]="user.id" [selected]="user.id === assigneeId()">
                {{ user.name }}{{ user.online ? ' ●' : '' }}
              </option>
            }
          </select>
        </label>
        @if (conversation().assignee) {
          <button type="button" data-testid="unassign-button" [disabled]="busy()" (click)="assign.emit(null)">
            {{ 'conversation.unassign' | translate }}
          </button>
        }
      } @else {
        <span class="muted small" data-testid="conversation-assignee">
          {{ 'conversation.assignee' | translate }}:
          {{ conversation().assignee?.name || ('conversation.nobody' | translate) }}
        </span>
        @if (!conversation().assignee && conversation().status === 'open') {
          <button type="button" data-testid="take-button" [disabled]="busy()" (click)="take.emit()">
            {{ 'conversation.take' | translate }}
          </button>
        }
      }
      <!-- The page's own controls (the contact panel's switch). -->
      <ng-content />
      <!-- An agent whose conversation went to someone else has nothing to do here (the page says why). -->
      @if (canAct()) {
        @if (conversation().status === 'open') {
          <button type="button" data-testid="close-button" [disabled]="busy()" (click)="closeConversation.emit()">
            {{ 'conversation.close' | translate }}
          </button>
        } @else {
          <button type="button" data-testid="reopen-button" [disabled]="busy()" (click)="reopen.emit()">
            {{ 'conversation.reopen' | translate }}
          </button>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0.6rem 0.75rem;
      border-bottom: 1px solid var(--sb-border);
    }
    h2 {
      margin: 0;
      font-size: 1.05rem;
      display: flex;
      align-items: center;
      gap: 0.4rem;
      min-width: 0;
    }
    /* A name may be one long word: it wraps instead of pushing the actions (and the composer) off-screen. */
    [data-testid='conversation-contact'],
    .small {
      overflow-wrap: anywhere;
      min-width: 0;
    }
    .wa-badge {
      font-size: 0.7rem;
      font-weight: 600;
      padding: 0.05rem 0.45rem;
      border-radius: 999px;
      background: #dcf8c6;
      color: #1f6f3d;
    }
    .who {
      display: flex;
      flex-direction: column;
      min-width: 0;
      flex: 1 1 12rem;
    }
    .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem;
      margin-top: 0.2rem;
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      flex-wrap: wrap;
    }
    .status[data-status='open'] {
      color: var(--sb-green-strong);
    }
    button {
      padding: 0.25rem 0.65rem;
      font-size: 0.85rem;
    }
  `,
})
export class ConversationHeaderComponent {
  readonly conversation = input.required<Conversation>();
  /** Admins and supervisors assign; agents get Take instead. */
  readonly canAssign = input(false);
  /** False once the viewer (an agent) lost the conversation to someone else: no actions then. */
  readonly canAct = input(true);
  readonly staff = input<readonly UserWithPresence[]>([]);
  readonly busy = input(false);
  /** The team's labels to choose from (undefined while loading). */
  readonly labelCatalogue = input<readonly Label[] | undefined>(undefined);
  readonly labelCatalogueError = input<unknown>(null);
  readonly labelsBusy = input(false);

  readonly assign = output<string | null>();
  readonly take = output<void>();
  readonly closeConversation = output<void>();
  readonly reopen = output<void>();
  /** The conversation's labels from now on (ids). */
  readonly labelsChange = output<string[]>();
  readonly reloadLabels = output<void>();

  protected readonly assigneeId = computed(() => this.conversation().assignee?.id ?? '');
  /** The staff list, plus the current assignee even if the list does not have them. */
  protected readonly staffOptions = computed(() => {
    const assignee = this.conversation().assignee;
    const staff = this.staff();
    if (!assignee || staff.some((u) => u.id === assignee.id)) return staff;
    return [...staff, { id: assignee.id, name: assignee.name, online: false } as UserWithPresence];
  });

  protected onAssign(value: string): void {
    this.assign.emit(value || null);
  }
}
