import type { accountEn } from '../en/account';

/** Spanish text of the viewer's own account page. */
export const accountEs: Record<keyof typeof accountEn, string> = {
  'account.title': 'Tu cuenta',
  'account.profile': 'Perfil',
  'account.name': 'Nombre',
  'account.email': 'Correo electrónico',
  'account.role': 'Rol',
  'account.offline': 'Sin conexión con el servidor: podrás cambiar la contraseña cuando vuelva la conexión.',
  'account.password.title': 'Cambia tu contraseña',
  'account.password.hint': 'Se cierran tus otras sesiones (otros navegadores y dispositivos); esta sigue abierta.',
  'account.password.current': 'Contraseña actual',
  'account.password.new': 'Contraseña nueva',
  'account.password.confirm': 'Repite la contraseña nueva',
  'account.password.submit': 'Cambiar contraseña',
  'account.password.submitting': 'Cambiando…',
  'account.password.done': 'Contraseña cambiada. Se han cerrado tus otras sesiones.',
  'account.error.currentRequired': 'Escribe tu contraseña actual.',
  'account.error.currentWrong': 'Esta no es tu contraseña actual.',
  'account.error.confirmRequired': 'Vuelve a escribir la contraseña nueva.',
  'account.error.confirmMismatch': 'No coincide con la contraseña nueva.',
};
