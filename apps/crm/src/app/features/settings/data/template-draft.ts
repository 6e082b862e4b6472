import type { CreateTemplate, MessageTemplate } from '@switchboard/contracts/types';
import type { TranslationKey } from '../../../core/i18n/translations.en';

/*
 * The rules of `createTemplateSchema` in @switchboard/contracts (Meta's naming), written inline
 * there (no constant to import), so repeated here (template-draft.spec.ts checks they agree).
 */
export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
export const TEMPLATE_BODY_MAX = 1024;
export const TEMPLATE_CATEGORIES = ['utility', 'marketing', 'authentication'] as const;

export type TemplateDraft = CreateTemplate;
export type TemplateField = keyof TemplateDraft;

export const EMPTY_TEMPLATE: TemplateDraft = { name: '', language: 'es', category: 'utility', body: '' };

export const templateDraftOf = (t: MessageTemplate): TemplateDraft => ({
  name: t.name,
  language: t.language,
  category: t.category,
  body: t.body,
});

export const trimmedTemplate = (d: TemplateDraft): TemplateDraft => ({
  name: d.name.trim(),
  language: d.language.trim(),
  category: d.category,
  body: d.body.trim(),
});

function placeholdersConsecutive(body: string): boolean {
  const used = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
  const highest = Math.max(0, ...used);
  for (let i = 1; i <= highest; i++) if (!used.has(i)) return false;
  return true;
}

export function templateErrors(draft: TemplateDraft): Partial<Record<TemplateField, TranslationKey>> {
  const d = trimmedTemplate(draft);
  const errors: Partial<Record<TemplateField, TranslationKey>> = {};
  if (!TEMPLATE_NAME.test(d.name)) errors.name = 'settings.templates.error.name';
  if (!TEMPLATE_LANGUAGE.test(d.language)) errors.language = 'settings.templates.error.language';
  if (!d.body) errors.body = 'settings.templates.error.bodyRequired';
  else if (d.body.length > TEMPLATE_BODY_MAX) errors.body = 'settings.templates.error.bodyTooLong';
  else if (!placeholdersConsecutive(d.body)) errors.body = 'settings.templates.error.placeholders';
  return errors;
}
