/** The variables a canned reply may use; the app fills them from the open conversation. */
export const CANNED_VARIABLES = ['contact.name', 'contact.email', 'contact.phone', 'agent.name'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

/** What each variable stands for in the open conversation; null when there is nothing (no phone). */
export type CannedValues = Record<CannedVariable, string | null>;

export interface FilledReply {
  text: string;
  /** Variables left as written, each once in the order they appear: unknown, or with no value here. */
  unfilled: string[];
}

/** `{{contact.name}}`, also with spaces inside the braces and in any case. */
const VARIABLE = /\{\{\s*([\w.-]+)\s*\}\}/g;

const isKnown = (name: string): name is CannedVariable => (CANNED_VARIABLES as readonly string[]).includes(name);

/**
 * The reply with its variables filled in. One the app does not know, or one with no value in this
 * conversation (a contact without a phone), stays exactly as written, so the agent sees the gap
 * before sending instead of a sentence with a hole in it.
 */
export function fillVariables(content: string, values: CannedValues): FilledReply {
  const unfilled: string[] = [];
  const text = content.replace(VARIABLE, (written, raw: string) => {
    const name = raw.toLowerCase();
    const value = isKnown(name) ? values[name] : null;
    if (value) return value;
    if (!unfilled.includes(written)) unfilled.push(written);
    return written;
  });
  return { text, unfilled };
}
