import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  viewChild,
} from '@angular/core';
import type { Channel } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import {
  CONTACT_EMAIL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_PHONE_MAX,
  samePhone,
  type ContactDraft,
} from '../data/contact-draft';
import { ContactDetailStore } from '../data/contact-detail.store';

export const CHANNEL_LABEL: Record<Channel, TranslationKey> = {
  web: 'contacts.channel.web',
  whatsapp: 'contacts.channel.whatsapp',
  internal: 'contacts.channel.internal',
};

let nextId = 0;

/**
 * A contact's details (name, email, phone, channels, first seen), edited in place by staff, with
 * the merges the data suggests: the phone another contact has (after a refused save) and other
 * contacts with the same email. A merge always asks first, saying what will happen. Reads the
 * ContactDetailStore of the page or panel around it.
 */
@Component({
  selector: 'sb-contact-card',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.detail(); as d) {
      @if (store.editing()) {
        <form class="form" novalidate data-testid="contact-form" (submit)="$event.preventDefault(); store.save()">
          @for (f of fields; track f.key) {
            <div class="field">
              <label [for]="ids + f.key">{{ f.label | translate }}</label>
              <input
                [id]="ids + f.key"
                [attr.data-testid]="'contact-input-' + f.key"
                [type]="f.type"
                [attr.maxlength]="f.max"
                [attr.autocomplete]="'off'"
                [value]="store.draft()[f.key]"
                [attr.aria-invalid]="!!errors()[f.key]"
                (input)="set(f.key, $event)"
              />
              @if (errors()[f.key]; as e) {
                <p class="field-error" [attr.data-testid]="'contact-error-' + f.key">{{ e }}</p>
              }
            </div>
          }
          @if (saveError(); as e) {
            <p class="alert" role="alert" data-testid="contact-save-error">{{ e }}</p>
          }
          <div class="actions">
            <button type="submit" class="primary" data-testid="contact-save" [disabled]="store.saving()">
              {{ (store.saving() ? 'contacts.saving' : 'contacts.save') | translate }}
            </button>
            <button type="button" data-testid="contact-cancel" (click)="store.cancelEdit()">
              {{ 'contacts.cancel' | translate }}
            </button>
          </div>
        </form>
      } @else {
        <div class="head">
          <p class="name" role="heading" [attr.aria-level]="headingLevel()" data-testid="contact-name">{{ d.name }}</p>
          <button type="button" data-testid="contact-edit" (click)="store.startEdit()">
            {{ 'contacts.edit' | translate }}
          </button>
        </div>
        <dl>
          <dt>{{ 'contacts.email' | translate }}</dt>
          <dd data-testid="contact-email">{{ d.email || ('contacts.none' | translate) }}</dd>
          <dt>{{ 'contacts.phone' | translate }}</dt>
          <dd data-testid="contact-phone">{{ d.phone || ('contacts.none' | translate) }}</dd>
          <dt>{{ 'contacts.channel' | translate }}</dt>
          <dd data-testid="contact-channel">{{ channels() }}</dd>
          <dt>{{ 'contacts.firstSeen' | translate }}</dt>
          <dd data-testid="contact-first-seen">
            <time [attr.datetime]="d.createdAt">{{ firstSeen() }}</time>
          </dd>
        </dl>
      }

      @if (store.conflict(); as conflict) {
        <div class="box" role="status" data-testid="contact-conflict">
          @if (conflict.owner; as owner) {
            @if (twoPhones(d.phone, owner.phone)) {
              <!-- The server refuses to move conversations to another number (WhatsApp would reply there). -->
              <p>
                {{
                  'contacts.conflict.twoPhones'
                    | translate: { name: owner.name, value: conflict.value, phone: d.phone ?? '' }
                }}
              </p>
            } @else {
              <p>{{ 'contacts.conflict.owner' | translate: { name: owner.name, value: conflict.value } }}</p>
              <button
                type="button"
                data-testid="contact-conflict-merge"
                (click)="store.askMerge({ source: d, target: owner })"
              >
                {{ 'contacts.merge.into' | translate: { name: owner.name } }}
              </button>
            }
          } @else {
            <p>{{ 'contacts.conflict.hidden' | translate: { value: conflict.value } }}</p>
          }
        </div>
      }

      @if (!store.editing() && d.duplicates.length > 0) {
        <div class="box" data-testid="contact-duplicates">
          <p>{{ 'contacts.duplicates' | translate }}</p>
          <ul>
            @for (dup of d.duplicates; track dup.id) {
              <li data-testid="contact-duplicate">
                <span>{{ dup.name }} · {{ dup.email }}{{ dup.phone ? ' · ' + dup.phone : '' }}</span>
                <button
                  type="button"
                  data-testid="contact-duplicate-merge"
                  (click)="store.askMerge({ source: dup, target: d })"
                >
                  {{ 'contacts.merge.here' | translate }}
                </button>
              </li>
            }
          </ul>
        </div>
      }

      @if (store.merge(); as plan) {
        <div
          #confirm
          class="box confirm"
          role="alertdialog"
          tabindex="-1"
          [attr.aria-labelledby]="ids + 'merge-title'"
          data-testid="contact-merge-confirm-box"
        >
          <p class="title" [id]="ids + 'merge-title'">
            {{ 'contacts.merge.title' | translate: { source: plan.source.name, target: plan.target.name } }}
          </p>
          <p>{{ 'contacts.merge.explain' | translate: { source: plan.source.name, target: plan.target.name } }}</p>
          @if (mergeError(); as e) {
            <p class="alert" role="alert" data-testid="contact-merge-error">{{ e }}</p>
          }
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="contact-merge-confirm"
              [disabled]="store.merging()"
              (click)="store.confirmMerge()"
            >
              {{ (store.merging() ? 'contacts.merge.merging' : 'contacts.merge.confirm') | translate }}
            </button>
            <button type="button" data-testid="contact-merge-cancel" (click)="store.askMerge(null)">
              {{ 'contacts.cancel' | translate }}
            </button>
          </div>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .name {
      margin: 0;
      font-weight: 600;
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
    .head button,
    .box button {
      padding: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
    dl {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.3rem 0.75rem;
      margin: 0;
      font-size: 0.9rem;
    }
    dt {
      color: var(--sb-muted);
      font-size: 0.8rem;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .form,
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .field {
      gap: 0.2rem;
    }
    label {
      font-size: 0.8rem;
      font-weight: 600;
    }
    .field-error {
      margin: 0;
      font-size: 0.8rem;
      color: var(--sb-red);
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .alert {
      margin: 0;
      padding: 0.4rem 0.6rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .box {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.6rem;
      border: 1px solid #e8c65a;
      border-radius: var(--sb-radius);
      background: #fff8e1;
      font-size: 0.85rem;
    }
    .box p {
      margin: 0;
    }
    .box ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    .box li {
      display: flex;
      justify-content: space-between;
      gap: 0.4rem;
      flex-wrap: wrap;
      align-items: center;
      overflow-wrap: anywhere;
    }
    .confirm {
      border-color: var(--sb-primary);
      background: var(--sb-primary-soft);
    }
    .title {
      font-weight: 600;
    }
  `,
})
export class ContactCardComponent {
  protected readonly store = inject(ContactDetailStore);
  private readonly i18n = inject(I18nService);

  /** The channel of the conversation beside the card (the panel), named first. */
  readonly channel = input<Channel | null>(null);
  readonly headingLevel = input(2);

  private readonly confirm = viewChild<ElementRef<HTMLElement>>('confirm');
  protected readonly ids = `sb-contact-${nextId++}-`;
  protected readonly fields: readonly { key: keyof ContactDraft; label: TranslationKey; type: string; max: number }[] =
    [
      { key: 'name', label: 'contacts.name', type: 'text', max: CONTACT_NAME_MAX },
      { key: 'email', label: 'contacts.email', type: 'email', max: CONTACT_EMAIL_MAX },
      { key: 'phone', label: 'contacts.phone', type: 'tel', max: CONTACT_PHONE_MAX },
    ];
  protected readonly channels = computed(() => {
    const detail = this.store.detail();
    const first = this.channel();
    const used = new Set<Channel>(first ? [first] : []);
    for (const c of detail?.conversations ?? []) used.add(c.channel);
    return [...used].map((c) => this.i18n.t(CHANNEL_LABEL[c])).join(', ') || this.i18n.t('contacts.none');
  });
  protected readonly firstSeen = computed(() => {
    const detail = this.store.detail();
    return detail
      ? new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
          new Date(detail.createdAt),
        )
      : '';
  });
  protected readonly errors = computed<Record<keyof ContactDraft, string | null>>(() => ({
    name: fieldText(this.i18n, this.store.fieldError('name')),
    email: fieldText(this.i18n, this.store.fieldError('email')),
    phone: fieldText(this.i18n, this.store.fieldError('phone')),
  }));
  protected readonly saveError = computed(() => requestText(this.i18n, this.store.saveError()));
  protected readonly mergeError = computed(() => requestText(this.i18n, this.store.mergeError()));

  constructor() {
    // The confirmation takes the focus when it appears, so a keyboard user reads it next.
    afterRenderEffect(() => {
      if (this.store.merge()) this.confirm()?.nativeElement.focus();
    });
  }

  /** Both have a phone and they differ: a merge would be refused until one is cleared. */
  protected twoPhones(a: string | null, b: string | null): boolean {
    return !!a && !!b && !samePhone(a, b);
  }

  protected set(field: keyof ContactDraft, event: Event): void {
    this.store.update({ [field]: (event.target as HTMLInputElement).value });
  }
}
