import type { Contact, UpdateContact } from '@switchboard/contracts/types';
import type { TranslationKey } from '../../../core/i18n/translations.en';

/*
 * updateContactSchema's limits, written inline in the contract (no constant to import), so
 * repeated here; contact-draft.spec.ts checks they agree. The email check is a plain shape check:
 * the server's stricter one comes back as a field error.
 */
export const CONTACT_NAME_MAX = 120;
export const CONTACT_EMAIL_MAX = 254;
export const CONTACT_PHONE_MAX = 32;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ContactDraft {
  name: string;
  email: string;
  phone: string;
}
export type ContactField = keyof ContactDraft;
export const CONTACT_FIELDS: readonly ContactField[] = ['name', 'email', 'phone'];

export const contactDraftOf = (c: Contact): ContactDraft => ({
  name: c.name,
  email: c.email ?? '',
  phone: c.phone ?? '',
});

export function contactErrors(draft: ContactDraft): Partial<Record<ContactField, TranslationKey>> {
  const name = draft.name.trim();
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  const errors: Partial<Record<ContactField, TranslationKey>> = {};
  if (!name) errors.name = 'contacts.error.nameRequired';
  else if (name.length > CONTACT_NAME_MAX) errors.name = 'contacts.error.nameTooLong';
  if (email && (email.length > CONTACT_EMAIL_MAX || !EMAIL_SHAPE.test(email))) errors.email = 'contacts.error.email';
  if (phone.length > CONTACT_PHONE_MAX) errors.phone = 'contacts.error.phoneTooLong';
  return errors;
}

/** The PATCH body: only what changed; an emptied email or phone is cleared (null). Null when nothing changed. */
export function contactChanges(contact: Contact, draft: ContactDraft): UpdateContact | null {
  const changes: UpdateContact = {};
  const name = draft.name.trim();
  const email = draft.email.trim() || null;
  const phone = draft.phone.trim() || null;
  if (name !== contact.name) changes.name = name;
  if (email !== contact.email) changes.email = email;
  if (phone !== contact.phone) changes.phone = phone;
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Two ways of writing one phone number (`+34 600 11 22 33`, `+34600112233`) are the same number. */
export const samePhone = (a: string | null, b: string | null): boolean =>
  !!a && !!b && a.replace(/\D/g, '') === b.replace(/\D/g, '');
export const sameEmail = (a: string | null, b: string | null): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
