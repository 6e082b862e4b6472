import type { MessageTemplate } from '@switchboard/contracts/types';

/** The template a draft goes out as, and the recipients' column each of its {{1}}, {{2}}… takes. */
export interface TemplateChoice {
  template: Pick<MessageTemplate, 'id' | 'name' | 'language' | 'body' | 'variableCount'>;
  /** One column per variable, in order; '' while not chosen. */
  columns: string[];
}

/** A fresh choice of `template`: every variable still to map (or kept where the columns still fit). */
export function chooseTemplate(
  template: TemplateChoice['template'],
  previous: TemplateChoice | null,
  available: readonly string[],
): TemplateChoice {
  const kept = previous?.template.id === template.id ? previous.columns : [];
  return {
    template,
    columns: Array.from({ length: template.variableCount }, (_, i) =>
      available.includes(kept[i] ?? '') ? kept[i] : '',
    ),
  };
}

/** Whether every variable has a column the recipients have. */
export function fullyMapped(choice: TemplateChoice, available: readonly string[]): boolean {
  return choice.columns.every((c) => c !== '' && available.includes(c));
}

/** The API's `template` setting: each variable as the `{{column}}` it is filled from. */
export function templateSetting(choice: TemplateChoice): { name: string; language: string; variables: string[] } {
  return {
    name: choice.template.name,
    language: choice.template.language,
    variables: choice.columns.map((c) => `{{${c}}}`),
  };
}
