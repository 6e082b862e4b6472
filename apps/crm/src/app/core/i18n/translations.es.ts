import type { TranslationKey } from './translations.en';

/** Spanish UI text: every English key must have an entry (checked by the type). */
export const es: Record<TranslationKey, string> = {
  'app.name': 'Switchboard',

  'nav.main': 'Navegación principal',
  'nav.inbox': 'Bandeja',
  'nav.dashboard': 'Panel',
  'nav.campaigns': 'Campañas',
  'nav.notifications': 'Notificaciones',
  'nav.notificationsUnread': 'Notificaciones: {count} sin leer',

  'shell.logout': 'Cerrar sesión',
  'shell.language': 'Idioma',
  'shell.signedInAs': 'Sesión de {name}',

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

  'live.live': 'En vivo',
  'live.polling': 'Sin tiempo real: se actualiza cada {seconds} s',
  'live.updatedAt': 'Actualizado {time}',
  'live.loading': 'Cargando…',
  'live.retry': 'Reintentar',

  'login.title': 'Iniciar sesión',
  'login.subtitle': 'Usa tu cuenta de personal de Switchboard.',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.submit': 'Entrar',
  'login.submitting': 'Entrando…',
  'login.required': 'Escribe tu correo y tu contraseña.',

  'errors.network': 'No se puede contactar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'errors.unknown': 'Algo salió mal. Inténtalo de nuevo.',

  'inbox.title': 'Bandeja',
  'inbox.empty': 'Todavía no hay conversaciones',
  'inbox.emptyHint': 'Las conversaciones nuevas del widget web y de WhatsApp aparecen aquí al llegar.',
  'inbox.unassigned': 'Sin asignar',
  'inbox.noPreview': 'Sin mensajes todavía',

  'dashboard.title': 'Panel',
  'dashboard.empty': 'Todavía no hay cifras',
  'dashboard.unattended': 'Sin atender',
  'dashboard.unattendedHint': 'Abiertas y sin agente asignado',
  'dashboard.open': 'Conversaciones abiertas',
  'dashboard.agentsOnline': 'Agentes conectados',
  'dashboard.messagesToday': 'Mensajes de hoy',

  'campaigns.title': 'Campañas',
  'campaigns.empty': 'Todavía no hay campañas',
  'campaigns.emptyHint': 'Las campañas masivas que crees aparecen aquí con su progreso.',
  'campaigns.progress': '{sent} de {total} enviados, {failed} fallidos',

  'notifications.title': 'Notificaciones',
  'notifications.empty': 'Todavía no hay notificaciones',
  'notifications.emptyHint': 'Aquí se avisan las conversaciones nuevas, las asignaciones y las campañas terminadas.',
  'notifications.unread': 'Sin leer',
};
