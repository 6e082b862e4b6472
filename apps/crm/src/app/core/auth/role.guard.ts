import { inject } from '@angular/core';
import { Router, type CanMatchFn } from '@angular/router';
import type { StaffRole } from '@switchboard/contracts/types';
import { homePathFor } from '../layout/nav-items';
import { AuthStore } from './auth.store';

/**
 * Only the roles in `route.data.roles` (StaffRole[]) may open the route; anyone else lands on
 * their own first page instead of a dead end.
 */
export const roleGuard: CanMatchFn = (route) => {
  const auth = inject(AuthStore);
  const roles = (route.data?.['roles'] ?? []) as readonly StaffRole[];
  if (auth.hasRole(roles)) return true;
  return inject(Router).parseUrl(homePathFor(auth.role()));
};
