import type { commonEn } from '../en/common';

/** Spanish text of the app shell (navigation, roles, connection) and what features share (errors, channels, passwords). */
export const commonEs: Record<keyof typeof commonEn, string> = {
  'app.name': 'Switchboard',

  'nav.main': 'Navegación principal',
  'nav.inbox': 'Bandeja',
  'nav.dashboard': 'Panel',
  'nav.campaigns': 'Campañas',
  'nav.team': 'Equipo',
  'nav.notifications': 'Notificaciones',
  'nav.notificationsUnread': 'Notificaciones: {count} sin leer',
  'nav.contacts': 'Contactos',
  'nav.cannedResponses': 'Respuestas rápidas',

  'shell.logout': 'Cerrar sesión',
  'shell.language': 'Idioma',
  'shell.account': 'Sesión de {name}: tu cuenta y tu contraseña',
  'shell.menuOpen': 'Abrir el menú',
  'shell.menuClose': 'Cerrar el menú',

  'role.admin': 'Administrador',
  'role.supervisor': 'Supervisor',
  'role.agent': 'Agente',
  'role.marketer': 'Marketing',

  'connection.connecting': 'Conectando…',
  'connection.connected': 'Conectado',
  'connection.reconnecting': 'Reconectando…',
  'connection.offline': 'Sin conexión',
  'connection.degraded': 'Degradado',
  'connection.nextRetry': 'próximo intento a las {time}',
  'connection.lastError': 'último error: {error}',
  'connection.browserOffline': 'tu dispositivo no tiene conexión',
  'connection.serverReports':
    'el servidor informa de un problema con {checks}; los mensajes pueden llegar con retraso hasta que se recupere',
  'connection.check.database': 'la base de datos',
  'connection.check.redis': 'Redis',
  'connection.check.realtime': 'la entrega entre servidores',

  'live.live': 'En vivo',
  'live.polling': 'Sin tiempo real: se actualiza cada {seconds} s',
  'live.updatedAt': 'Actualizado {time}',
  'live.loading': 'Cargando…',
  'live.retry': 'Reintentar',

  'errors.network': 'No se puede contactar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'errors.unknown': 'Algo salió mal. Inténtalo de nuevo.',
  'errors.rateLimited': 'Demasiados intentos. Espera {seconds} s y vuelve a intentarlo.',
  'errors.offline': 'Sin conexión. Inténtalo de nuevo cuando vuelva la conexión.',
  'errors.timeout': 'El servidor no respondió a tiempo. Inténtalo de nuevo.',

  'channel.web': 'Web',
  'channel.whatsapp': 'WhatsApp',
  'channel.internal': 'Interno',

  'password.hint': 'Al menos {min} caracteres y {max} bytes como máximo (las letras con tilde ocupan 2, los emoji 4).',
  'password.error.tooShort': 'Demasiado corta: al menos {min} caracteres.',
  'password.error.tooLong': 'Demasiado larga: {max} bytes como máximo (las letras con tilde ocupan 2, los emoji 4).',
};
