import { inject } from '@angular/core';
import { Router, type CanMatchFn } from '@angular/router';
import { homePathFor } from '../layout/nav-items';
import { AuthStore } from './auth.store';

/** Pages behind login: anonymous visitors go to /login and come back afterwards. */
export const authGuard: CanMatchFn = (_route, segments) => {
  const auth = inject(AuthStore);
  if (auth.isLoggedIn()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  const router = inject(Router);
  return router.createUrlTree(['/login'], { queryParams: returnUrl !== '/' ? { returnUrl } : {} });
};

/** The login page: a signed-in user goes straight to their first page. */
export const guestGuard: CanMatchFn = () => {
  const auth = inject(AuthStore);
  if (!auth.isLoggedIn()) return true;
  return inject(Router).parseUrl(homePathFor(auth.role()));
};
