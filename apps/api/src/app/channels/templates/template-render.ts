import { templateVariableCount } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';

/** The template's text with {{n}} replaced by the n-th variable; the count must match exactly. */
export function renderTemplate(body: string, variables: readonly string[]): string {
  const expected = templateVariableCount(body);
  if (variables.length !== expected) {
    throw new AppError('validation_failed', `This template takes ${expected} variable(s)`, [
      { path: 'template.variables', message: `expected ${expected}, got ${variables.length}` },
    ]);
  }
  return body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => variables[Number(n) - 1]);
}
