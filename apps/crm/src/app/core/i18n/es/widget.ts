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
};
