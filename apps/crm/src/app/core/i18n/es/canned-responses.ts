import type { cannedResponsesEn } from '../en/canned-responses';

/** Spanish text of the canned replies page. */
export const cannedResponsesEs: Record<keyof typeof cannedResponsesEn, string> = {
  'canned.title': 'Respuestas rápidas',
  'canned.new': 'Nueva respuesta rápida',
  'canned.edit': 'Editar',
  'canned.delete': 'Eliminar',
  'canned.confirmDelete': '¿Eliminar /{code} para todo el equipo?',
  'canned.save': 'Guardar',
  'canned.saving': 'Guardando…',
  'canned.cancel': 'Cancelar',
  'canned.search': 'Buscar por código o texto',
  'canned.intro':
    'En una conversación, escribe / y el código para insertar una respuesta. Estas variables se rellenan con los datos de la conversación; cualquier otra queda tal cual:',
  'canned.shortCode': 'Código',
  'canned.shortCodeHint': 'Hasta 32 minúsculas, dígitos, - o _, empezando por una letra o un dígito.',
  'canned.content': 'Respuesta',
  'canned.empty': 'Aún no hay respuestas rápidas',
  'canned.emptyHint': 'Las respuestas que el equipo envía a menudo, listas para insertar con /.',
  'canned.noMatch': 'Ninguna respuesta rápida coincide con la búsqueda',
  'canned.offline':
    'Sin conexión con el servidor: la lista puede estar desactualizada y los cambios no se pueden guardar hasta que vuelva la conexión.',
  'canned.error.shortCodeRequired': 'Escribe un código.',
  'canned.error.shortCode': 'Usa de 1 a 32 minúsculas, dígitos, - o _, empezando por una letra o un dígito.',
  'canned.error.contentRequired': 'Escribe la respuesta.',
  'canned.error.contentTooLong': 'Demasiado larga: como mucho 5000 caracteres.',
};
