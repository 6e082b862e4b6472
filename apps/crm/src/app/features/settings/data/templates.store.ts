import { Injectable, inject, signal } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import { CatalogueEditor, type CatalogueEditorState } from '../../../common/data/catalogue-editor';
import { serverFieldMessages } from '../../../common/forms/field-messages';
import {
  EMPTY_TEMPLATE,
  templateDraftOf,
  templateErrors,
  trimmedTemplate,
  type TemplateDraft,
  type TemplateField,
} from './template-draft';
import { SettingsApi } from './settings.api';

export type TemplateEditor = CatalogueEditorState;

const byNameAndLanguage = (a: MessageTemplate, b: MessageTemplate) =>
  a.name.localeCompare(b.name) || a.language.localeCompare(b.language);
const FIELDS = Object.keys(EMPTY_TEMPLATE) as TemplateField[];

/**
 * The WhatsApp template catalogue on the settings page: the list, one editor at a time (new or
 * an existing template) with the contract's validation and the server's field errors, and
 * delete after a confirmation. Provided by the settings route.
 */
@Injectable()
export class TemplatesStore extends CatalogueEditor<MessageTemplate, TemplateDraft> {
  private readonly api: SettingsApi;
  private readonly _loadError = signal<unknown>(null);

  readonly loadError = this._loadError.asReadonly();

  constructor() {
    const api = inject(SettingsApi);
    super({
      api: {
        create: (body) => api.createTemplate(body),
        update: (id, body) => api.updateTemplate(id, body),
        remove: (id) => api.deleteTemplate(id),
      },
      order: byNameAndLanguage,
      blank: EMPTY_TEMPLATE,
      draftOf: templateDraftOf,
      body: trimmedTemplate,
      errors: templateErrors,
      // A name already taken (409) is about the name and the language together: a save error.
      fieldErrors: (error) => serverFieldMessages(error, FIELDS),
    });
    this.api = api;
    void this.load();
  }

  async load(): Promise<void> {
    this._loadError.set(null);
    try {
      this.list.set((await this.api.templates()).items);
    } catch (error) {
      this._loadError.set(error);
    }
  }
}
