import type { RecipientInput } from '@switchboard/contracts';
import { templateVariables } from './message-template';

/** A field error of the template's variable mapping, in the API's details shape. */
export interface MappingProblem {
  path: string;
  message: string;
}

/**
 * The columns recipients bring: `name` when any has one (given or its contact's), and every
 * other column (CSV header or JSON `variables` key) some recipient has.
 */
export function recipientColumns(inputs: readonly RecipientInput[]): Set<string> {
  const columns = new Set<string>();
  for (const r of inputs) {
    if (r.name || r.contactId) columns.add('name');
    for (const key of Object.keys(r.variables ?? {})) columns.add(key);
  }
  return columns;
}

/**
 * Each template variable ({{1}}, {{2}}…) must be mapped (its text not blank) and may only use
 * columns the recipients have: a typo would otherwise leave every row without a value.
 */
export function templateMappingProblems(variables: readonly string[], columns: ReadonlySet<string>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  variables.forEach((text, i) => {
    const path = `template.variables.${i}`;
    if (!text.trim()) return problems.push({ path, message: `{{${i + 1}}} is not mapped to a column` });
    for (const column of templateVariables(text))
      if (!columns.has(column))
        problems.push({ path, message: `{{${i + 1}}} uses "${column}", which is not a column of the recipients` });
    return undefined;
  });
  return problems;
}
