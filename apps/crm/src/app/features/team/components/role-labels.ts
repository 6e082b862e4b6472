import type { StaffRole } from '@switchboard/contracts';
import type { TranslationKey } from '../../../core/i18n/translations.en';

export const ROLE_LABEL: Record<StaffRole, TranslationKey> = {
  admin: 'role.admin',
  supervisor: 'role.supervisor',
  agent: 'role.agent',
  marketer: 'role.marketer',
};
