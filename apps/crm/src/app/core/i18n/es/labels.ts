import type { labelsEn } from '../en/labels';

/** Spanish text of the labels page. */
export const labelsEs: Record<keyof typeof labelsEn, string> = {
  'labels.title': 'Etiquetas',
  'labels.intro':
    'Las etiquetas clasifican conversaciones («VIP», «reembolso»…). Cualquiera del equipo las pone en una conversación desde su cabecera; supervisores y administradores las crean, renombran, cambian de color y eliminan aquí.',
  'labels.new': 'Nueva etiqueta',
  'labels.name': 'Nombre',
  'labels.color': 'Color',
  'labels.swatch': 'Color {color}',
  'labels.preview': 'Vista previa',
  'labels.create': 'Crear etiqueta',
  'labels.creating': 'Creando…',
  'labels.edit': 'Editar',
  'labels.save': 'Guardar',
  'labels.saving': 'Guardando…',
  'labels.cancel': 'Cancelar',
  'labels.delete': 'Eliminar',
  'labels.deleteConfirm': '¿Eliminar «{name}»? Se quita de todas las conversaciones que la tienen.',
  'labels.deleteYes': 'Eliminarla',
  'labels.deleting': 'Eliminando…',
  'labels.empty': 'Aún no hay etiquetas',
  'labels.emptyHint': 'Crea la primera arriba.',
  'labels.offline':
    'Sin conexión: las etiquetas pueden no estar al día y los cambios se podrán guardar cuando vuelva la conexión.',
  'labels.error.nameRequired': 'Ponle un nombre a la etiqueta.',
  'labels.error.nameTooLong': 'Como máximo 50 caracteres.',
  'labels.error.nameTaken': 'Ya hay otra etiqueta con este nombre.',
  'labels.error.color': 'Elige un color (escrito #rrggbb).',
};
