import type { StaffRole } from '@switchboard/contracts/types';
import type { TranslationKey } from './translations.en';

/** How each staff role is named in the UI. */
export const ROLE_LABEL: Record<StaffRole, TranslationKey> = {
  admin: 'role.admin',
  supervisor: 'role.supervisor',
  agent: 'role.agent',
  marketer: 'role.marketer',
};
