import type { loginEn } from '../en/login';

/** Spanish text of the sign-in page. */
export const loginEs: Record<keyof typeof loginEn, string> = {
  'login.title': 'Iniciar sesión',
  'login.subtitle': 'Usa tu cuenta de personal de Switchboard.',
  'login.expired': 'Tu sesión ha caducado. Vuelve a iniciar sesión para seguir donde estabas.',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.submit': 'Entrar',
  'login.submitting': 'Entrando…',
  'login.required': 'Escribe tu correo y tu contraseña.',
  'login.disabled': 'Esta cuenta está desactivada. Pide a un administrador que la reactive.',
  'login.rateLimited': 'Demasiados intentos de inicio de sesión. Vuelve a intentarlo dentro de {seconds} s.',
};
