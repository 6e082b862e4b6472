import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { MAX_CAMPAIGN_RATE_PER_SECOND } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { CampaignPreviewComponent } from '../components/campaign-preview.component';
import { chooseTemplate } from '../data/campaign-template';
import {
  CONTENT_MAX_LENGTH,
  CampaignCreateStore,
  NAME_MAX_LENGTH,
  type DraftField,
  type RecipientsMode,
} from '../data/campaign-create.store';

/**
 * The create form: settings, recipients (pasted or a CSV file), a preview step against the
 * server, and create, which starts the campaign and opens its page.
 */
@Component({
  selector: 'sb-campaign-new-page',
  imports: [RouterLink, TranslatePipe, CampaignPreviewComponent],
  providers: [CampaignCreateStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './campaign-new.page.html',
  styleUrl: './campaign-new.page.css',
})
export class CampaignNewPage {
  protected readonly store = inject(CampaignCreateStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly draft = this.store.draft;
  protected readonly limits = {
    name: NAME_MAX_LENGTH,
    content: CONTENT_MAX_LENGTH,
    rate: MAX_CAMPAIGN_RATE_PER_SECOND,
  };
  protected readonly errors = computed(() => ({
    name: this.errorFor('name'),
    content: this.errorFor('content'),
    ratePerSecond: this.errorFor('ratePerSecond'),
    recipients: this.errorFor('recipients'),
    template: this.errorFor('template'),
    scheduledAt: this.errorFor('scheduledAt'),
  }));
  /** "At a time" chosen, even before a time is entered. */
  protected readonly scheduling = signal(false);

  constructor() {
    void this.store.catalogue.load();
  }
  protected readonly requestErrorText = computed(() => {
    const error = this.store.requestError();
    if (!error) return null;
    const apiError = toApiError(error);
    return apiError.message || this.i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
  });
  protected readonly fileSize = computed(() => {
    const file = this.draft().file;
    return file
      ? new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 1 }).format(file.size / 1024)
      : null;
  });

  protected setText(field: 'name' | 'content' | 'pasted', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.store.update(
      field === 'name' ? { name: value } : field === 'content' ? { content: value } : { pasted: value },
    );
  }

  protected setRate(event: Event): void {
    this.store.update({ ratePerSecond: (event.target as HTMLInputElement).valueAsNumber });
  }

  protected setMode(mode: RecipientsMode): void {
    this.store.update({ mode });
  }

  protected setFile(event: Event): void {
    this.store.update({ file: (event.target as HTMLInputElement).files?.[0] ?? null });
  }

  protected setSkipInvalid(event: Event): void {
    this.store.update({ skipInvalid: (event.target as HTMLInputElement).checked });
  }

  protected setTemplate(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const template = this.store.catalogue.templates().find((t) => t.id === id);
    this.store.update({
      template: template ? chooseTemplate(template, this.draft().template, this.store.catalogue.columns()) : null,
    });
  }

  /** How the template writes its variable `index`: {{1}}, {{2}}… */
  protected placeholder(index: number): string {
    return `{{${index + 1}}}`;
  }

  protected setColumn(index: number, event: Event): void {
    const choice = this.draft().template;
    if (!choice) return;
    const columns = choice.columns.map((c, i) => (i === index ? (event.target as HTMLSelectElement).value : c));
    this.store.update({ template: { ...choice, columns } });
  }

  protected setScheduling(on: boolean): void {
    this.scheduling.set(on);
    if (!on) this.store.update({ scheduleAt: '' });
  }

  protected setScheduleAt(event: Event): void {
    this.store.update({ scheduleAt: (event.target as HTMLInputElement).value });
  }

  protected preview(): void {
    void this.store.runPreview();
  }

  protected async create(): Promise<void> {
    const campaign = await this.store.create();
    if (campaign) await this.router.navigate(['/campaigns', campaign.id]);
  }

  private errorFor(field: DraftField): string | null {
    const error = this.store.fieldError(field);
    if (!error) return null;
    return 'key' in error ? this.i18n.t(error.key) : error.text;
  }
}
