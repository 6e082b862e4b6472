import type { notificationsEn } from '../en/notifications';

/** Spanish text of notifications and their settings. */
export const notificationsEs: Record<keyof typeof notificationsEn, string> = {
  'notifications.title': 'Notificaciones',
  'notifications.empty': 'Todavía no hay notificaciones',
  'notifications.emptyHint': 'Aquí se avisan las conversaciones nuevas, las asignaciones y las campañas terminadas.',
  'notifications.unread': 'Sin leer',
  'notifications.panel': 'Panel de notificaciones',
  'notifications.markAllRead': 'Marcar todas como leídas',
  'notifications.read': 'Leída',
  'notifications.loadMore': 'Cargar más',
  'notifications.loadingMore': 'Cargando más…',
  'notifications.seeAll': 'Ver todas las notificaciones',
  'notifications.offline': 'Sin conexión: la lista se actualiza cada {seconds} s; marcar como leída sigue funcionando.',
  'notifications.markFailed': 'No se pudo marcar como leída. La lista se recargó desde el servidor.',
  'notifications.enableDesktop': 'Activar notificaciones de escritorio',
  'notifications.desktopOn': 'Las notificaciones de escritorio están activas mientras esta pestaña está oculta.',
  'notifications.desktopBlocked':
    'Las notificaciones de escritorio están bloqueadas en la configuración del navegador.',
  'notifications.toasts': 'Notificaciones nuevas',
  'notifications.dismiss': 'Descartar',
  'notifications.preferences': 'Ajustes de notificaciones',
  'notifications.preferencesHint':
    'En la app: guardarla en esta lista. Aviso: mostrarla al llegar. Sonido: un pitido corto.',
  'notifications.preferencesFailed': 'No se pudo guardar ese ajuste; se ha restablecido.',
  'notifications.pref.type': 'Tipo',
  'notifications.pref.inApp': 'En la app',
  'notifications.pref.toast': 'Aviso',
  'notifications.pref.sound': 'Sonido',
  'notifications.pref.toggle': '{setting}: {type}',
  'notifications.pref.needsInApp':
    'Los avisos y los sonidos van con las notificaciones en la app: un tipo sin «En la app» no tiene ninguno de los dos.',
  'notifications.type.conversationCreated': 'Conversación nueva',
  'notifications.type.conversationAssigned': 'Conversación asignada a mí',
  'notifications.type.mention': 'Un compañero me menciona en una nota',
  'notifications.type.campaignFinished': 'Campaña terminada',
  'notifications.type.campaignFailed': 'Campaña fallida',
  'notifications.type.channelDown': 'Canal caído',
};
