import type { StaffRole, UserWithPresence } from '@switchboard/contracts/types';

let counter = 0;
export function member(overrides: Partial<UserWithPresence> = {}): UserWithPresence {
  counter++;
  const role: StaffRole = overrides.role ?? 'agent';
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    email: `${role}${counter}@example.com`,
    name: `Member ${counter}`,
    role,
    active: true,
    online: false,
    ...overrides,
  };
}
