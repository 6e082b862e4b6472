import type { AutomatedSender } from './services/writer/writer.types';

/** The author of the notes the server writes for staff (bot hand-off, a customer's reopen). */
export const SYSTEM_SENDER: AutomatedSender = { type: 'system', name: 'Switchboard' };
