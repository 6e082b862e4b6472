/** English text of the sign-in page. */
export const loginEn = {
  'login.title': 'Sign in',
  'login.subtitle': 'Use your Switchboard staff account.',
  'login.expired': 'Your session has expired. Sign in again to continue where you were.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.required': 'Enter your email and password.',
  'login.disabled': 'This account is disabled. Ask an admin to reactivate it.',
  'login.rateLimited': 'Too many sign-in attempts. Try again in {seconds} s.',
} as const satisfies Record<string, string>;
