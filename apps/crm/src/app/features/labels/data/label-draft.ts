import type { Label } from '@switchboard/contracts/types';
import type { TranslationKey } from '../../../core/i18n/translations.en';

/**
 * The contract's MAX_LABEL_NAME_LENGTH: it lives in a schema file, which the app may not import
 * (it would bring zod into the bundle); label-draft.spec.ts checks the two agree.
 */
export const LABEL_NAME_MAX = 50;
/** The colours offered for a new label (any `#rrggbb` can be typed). */
export const LABEL_SWATCHES = [
  '#e5484d',
  '#f76b15',
  '#ffc53d',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#6e56cf',
  '#d6409f',
  '#8d8d8d',
] as const;

export interface LabelDraft {
  name: string;
  color: string;
}

export type LabelField = keyof LabelDraft;

export const newLabelDraft = (index = 0): LabelDraft => ({
  name: '',
  color: LABEL_SWATCHES[index % LABEL_SWATCHES.length],
});

/**
 * What is wrong with a draft, by the server's rules (createLabelSchema): a name of 1 to 50
 * characters once trimmed, unique in the team whatever the letter case (`others`: every label
 * but the one being edited), and a `#rrggbb` colour.
 */
export function labelErrors(draft: LabelDraft, others: readonly Label[]): Partial<Record<LabelField, TranslationKey>> {
  const errors: Partial<Record<LabelField, TranslationKey>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'labels.error.nameRequired';
  else if (name.length > LABEL_NAME_MAX) errors.name = 'labels.error.nameTooLong';
  else if (others.some((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase()))
    errors.name = 'labels.error.nameTaken';
  if (!/^#[0-9a-f]{6}$/i.test(draft.color.trim())) errors.color = 'labels.error.color';
  return errors;
}

/** The body the server takes: trimmed, the colour in lower case. */
export function trimmedLabel(draft: LabelDraft): LabelDraft {
  return { name: draft.name.trim(), color: draft.color.trim().toLowerCase() };
}

export const byLabelName = (a: Label, b: Label) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
