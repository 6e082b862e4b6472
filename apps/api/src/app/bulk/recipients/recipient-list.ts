import type { CampaignPreview, RecipientInput, RecipientRowError } from '@switchboard/contracts';
import { renderTemplate } from './message-template';
import { toE164 } from './phone-number';

/** A recipient ready to store: normalised phone, its row in the upload, and its template values. */
export interface ValidRecipient {
  row: number;
  phone: string;
  name: string | null;
  variables: Record<string, string>;
}

export interface RecipientList {
  valid: ValidRecipient[];
  duplicates: number;
  invalid: RecipientRowError[];
  /** Every row left out, invalid or a duplicate, in upload order, with why (kept with the campaign). */
  skipped: SkippedRow[];
}

export interface SkippedRow extends RecipientRowError {
  name: string | null;
}

/** A recipient given by contact id, already looked up (null when no such contact or no phone). */
export type ContactPhones = Map<string, { phone: string | null; name: string }>;

const PREVIEW_SIZE = 5;

/**
 * Validates recipients against the message they will receive: each needs an E.164 phone (given, or
 * its contact's) and a value for every placeholder. The first occurrence of a phone wins; later
 * ones are counted as duplicates, never sent twice.
 */
export function buildRecipientList(
  content: string,
  inputs: RecipientInput[],
  contacts: ContactPhones = new Map(),
): RecipientList {
  const seen = new Map<string, number>();
  const valid: ValidRecipient[] = [];
  const invalid: RecipientRowError[] = [];
  const skipped: SkippedRow[] = [];
  let duplicates = 0;
  inputs.forEach((input, index) => {
    const problem = rowProblem(content, input, index + 1, contacts, seen, valid);
    if (!problem) return;
    if (problem.duplicate) duplicates++;
    else invalid.push(problem.error);
    skipped.push({ ...problem.error, name: input.name?.trim() || null });
  });
  return { valid, duplicates, invalid, skipped };
}

/**
 * Null when the row is valid (it is then added to `valid` and its phone to `seen`), else why it
 * is left out: a duplicate of an earlier row, or a row that cannot be sent to.
 */
function rowProblem(
  content: string,
  input: RecipientInput,
  row: number,
  contacts: ContactPhones,
  seen: Map<string, number>,
  valid: ValidRecipient[],
): { error: RecipientRowError; duplicate: boolean } | null {
  const refuse = (phone: string | null, message: string) => ({ error: { row, phone, message }, duplicate: false });
  const contact = input.contactId ? contacts.get(input.contactId) : undefined;
  if (input.contactId && !contact) return refuse(input.phone ?? null, 'no such contact');
  const rawPhone = input.phone ?? contact?.phone ?? '';
  if (input.contactId && !rawPhone) return refuse(null, 'the contact has no phone number');
  const parsed = toE164(rawPhone);
  if ('error' in parsed) return refuse(rawPhone || null, parsed.error);
  const name = input.name?.trim() || contact?.name || null;
  const variables = { ...(input.variables ?? {}), ...(name ? { name } : {}) };
  const rendered = renderTemplate(content, variables);
  if ('missing' in rendered)
    return refuse(parsed.phone, `no value for ${rendered.missing.map((m) => `{{${m}}}`).join(', ')}`);
  const first = seen.get(parsed.phone);
  if (first !== undefined)
    return { error: { row, phone: parsed.phone, message: `duplicate of row ${first}` }, duplicate: true };
  seen.set(parsed.phone, row);
  valid.push({ row, phone: parsed.phone, name, variables: input.variables ?? {} });
  return null;
}

export function previewOf(content: string, list: RecipientList): CampaignPreview {
  return {
    total: list.valid.length,
    duplicates: list.duplicates,
    invalid: list.invalid,
    preview: list.valid
      .slice(0, PREVIEW_SIZE)
      .map((r) => ({ to: r.phone, name: r.name, content: messageFor(content, r) })),
  };
}

/** The message one recipient receives (the list was validated, so every placeholder has a value). */
export function messageFor(content: string, r: { name: string | null; variables: Record<string, string> }): string {
  const rendered = renderTemplate(content, { ...r.variables, ...(r.name ? { name: r.name } : {}) });
  return 'content' in rendered ? rendered.content : content;
}

/** A template campaign's positional variables for one recipient (each text filled like the message). */
export function templateVariablesFor(
  texts: readonly string[],
  r: { name: string | null; variables: Record<string, string> },
): string[] {
  return texts.map((text) => messageFor(text, r));
}
