import type { widgetEn } from '../en/widget';

/** Spanish text of the customer chat widget. */
export const widgetEs: Record<keyof typeof widgetEn, string> = {
  'widget.title': 'Chatea con nosotros',
  'widget.intro': 'Dinos tu nombre y te responderemos aquí en un momento.',
  'widget.name': 'Tu nombre',
  'widget.email': 'Correo (opcional)',
  'widget.start': 'Empezar el chat',
  'widget.starting': 'Empezando…',
  'widget.nameRequired': 'Escribe tu nombre.',
  'widget.emailInvalid': 'Escribe un correo válido o déjalo vacío.',
  'widget.support': 'Soporte',
  'widget.emptyHint': 'Escribe tu pregunta: un agente te responderá aquí.',
  'widget.expired': 'Tu sesión de chat terminó. Empieza un chat nuevo.',
  'widget.status.open': 'Abierta',
  'widget.status.closed': 'Cerrada',
  'widget.writeAgain': 'Volver a escribir',
  'widget.rating.title': '¿Qué tal te hemos atendido?',
  'widget.rating.score': '{score} de 5',
  'widget.rating.comment': 'Comentario (opcional)',
  'widget.rating.send': 'Enviar valoración',
  'widget.rating.sending': 'Enviando…',
  'widget.rating.thanks': '¡Gracias por tu valoración!',
  'widget.rating.already': 'Ya has valorado esta conversación. ¡Gracias!',
  'widget.rating.error': 'No se ha podido enviar tu valoración. Inténtalo de nuevo.',
  'widget.rating.offline':
    'Estás sin conexión: tu valoración no se ha enviado. Inténtalo cuando vuelvas a tener conexión.',
};
