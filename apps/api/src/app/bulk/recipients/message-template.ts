const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variable names a template uses, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fills `{{name}}` and `{{variable}}` placeholders. A placeholder without a value is an error for
 * that recipient rather than an empty gap in a message thousands of people receive.
 */
export function renderTemplate(
  template: string,
  values: Record<string, string>,
): { content: string } | { missing: string[] } {
  const missing = templateVariables(template).filter((v) => !(values[v] ?? '').trim());
  if (missing.length) return { missing };
  return { content: template.replace(PLACEHOLDER, (_, v: string) => values[v]) };
}
