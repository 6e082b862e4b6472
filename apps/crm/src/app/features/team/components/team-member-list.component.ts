import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { UserWithPresence } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { MemberEditStore } from '../data/member-edit.store';
import { MemberEditorComponent } from './member-editor.component';
import { ROLE_LABEL } from '../../../core/i18n/role-labels';

/**
 * Staff users: name, email, role, whether they are online now, and inactive accounts marked and
 * dimmed. With `editable` (admins) each row opens the member's editor beneath it.
 */
@Component({
  selector: 'sb-team-member-list',
  imports: [TranslatePipe, MemberEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card table">
      <table class="stack-table" data-testid="team-list">
        <caption class="visually-hidden">
          {{
            'team.list' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'team.name' | translate }}</th>
            <th scope="col">{{ 'team.email' | translate }}</th>
            <th scope="col">{{ 'team.role' | translate }}</th>
            <th scope="col">{{ 'team.status' | translate }}</th>
            @if (editable()) {
              <th scope="col">
                <span class="visually-hidden">{{ 'team.actions' | translate }}</span>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (member of members(); track member.id) {
            <tr
              data-testid="team-row"
              [class.inactive]="!member.active"
              [attr.data-email]="member.email"
              [attr.data-online]="member.online"
              [attr.data-active]="member.active"
            >
              <td class="name">
                <span class="label">{{ member.name }}</span>
                @if (member.id === selfId()) {
                  <span class="you">{{ 'team.you' | translate }}</span>
                }
                @if (!member.active) {
                  <span class="badge" data-testid="member-inactive">{{ 'team.inactive' | translate }}</span>
                }
              </td>
              <td class="email" [attr.data-label]="'team.email' | translate">{{ member.email }}</td>
              <td class="role" [attr.data-label]="'team.role' | translate">{{ roleLabel[member.role] | translate }}</td>
              <td class="presence" data-testid="team-presence" [attr.data-label]="'team.status' | translate">
                <span class="dot" [class.online]="member.online" aria-hidden="true"></span>
                {{ (member.online ? 'team.presence.online' : 'team.presence.offline') | translate }}
              </td>
              @if (editable()) {
                <td class="actions">
                  <button
                    type="button"
                    data-testid="member-edit"
                    [attr.aria-expanded]="edit.memberId() === member.id"
                    [attr.aria-label]="
                      (edit.memberId() === member.id ? 'team.edit.closeFor' : 'team.edit.openFor')
                        | translate: { name: member.name }
                    "
                    (click)="toggle(member)"
                  >
                    {{ (edit.memberId() === member.id ? 'team.edit.close' : 'team.edit.open') | translate }}
                  </button>
                </td>
              }
            </tr>
            @if (editable() && edit.memberId() === member.id) {
              <tr class="editor-row" data-testid="member-editor-row" [attr.data-email]="member.email">
                <td colspan="5"><sb-member-editor /></td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table {
      padding: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.55rem 0.75rem;
      border-bottom: 1px solid var(--sb-border);
      vertical-align: middle;
    }
    th {
      font-size: 0.8rem;
      color: var(--sb-muted);
      font-weight: 600;
    }
    tbody tr:last-child td {
      border-bottom: none;
    }
    .name {
      font-weight: 600;
    }
    .you,
    .badge {
      margin-left: 0.4rem;
      font-size: 0.75rem;
      font-weight: 400;
      white-space: nowrap;
    }
    .you {
      color: var(--sb-muted);
    }
    .badge {
      padding: 0.05rem 0.45rem;
      border-radius: 999px;
      background: var(--sb-hover);
      color: var(--sb-text);
      border: 1px solid var(--sb-border);
    }
    /* Dimmed but readable; the badge says why in words, not only by colour. */
    .inactive .label,
    .inactive .email,
    .inactive .role,
    .inactive .presence {
      opacity: 0.55;
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
    .editor-row td {
      background: var(--sb-bg);
    }
    .email {
      overflow-wrap: anywhere;
    }
    .presence {
      white-space: nowrap;
    }
    .dot {
      display: inline-block;
      width: 0.55rem;
      height: 0.55rem;
      border-radius: 50%;
      background: var(--sb-grey);
      margin-right: 0.35rem;
    }
    .dot.online {
      background: var(--sb-green);
    }
  `,
})
export class TeamMemberListComponent {
  readonly members = input.required<readonly UserWithPresence[]>();
  /** Admins: each row can be edited. */
  readonly editable = input(false);
  /** The signed-in user, marked "you" (their own row warns before they lock themselves out). */
  readonly selfId = input<string | null>(null);

  protected readonly edit = inject(MemberEditStore);
  protected readonly roleLabel = ROLE_LABEL;

  protected toggle(member: UserWithPresence): void {
    if (this.edit.memberId() === member.id) this.edit.close();
    else this.edit.open(member);
  }
}
