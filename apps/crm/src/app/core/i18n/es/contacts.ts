import type { contactsEn } from '../en/contacts';

/** Spanish text of the contacts page and the contact panel. */
export const contactsEs: Record<keyof typeof contactsEn, string> = {
  'contacts.title': 'Contactos',
  'contacts.back': 'Volver a contactos',
  'contacts.search': 'Buscar por nombre, email o teléfono',
  'contacts.tooShort': 'Escribe al menos {min} caracteres para buscar.',
  'contacts.empty': 'Aún no hay contactos',
  'contacts.emptyHint':
    'Las personas que escriben por el widget web o por WhatsApp aparecen aquí con sus conversaciones.',
  'contacts.noMatch': 'Ningún contacto coincide con la búsqueda',
  'contacts.notFound': 'Este contacto no existe, o no puedes ver ninguna de sus conversaciones.',
  'contacts.offline':
    'Sin conexión con el servidor: lo que ves puede estar desactualizado y los cambios no se pueden guardar hasta que vuelva la conexión.',
  'contacts.name': 'Nombre',
  'contacts.email': 'Email',
  'contacts.phone': 'Teléfono',
  'contacts.channel': 'Canal',
  'contacts.channel.web': 'Chat web',
  'contacts.channel.whatsapp': 'WhatsApp',
  'contacts.channel.internal': 'Interno',
  'contacts.firstSeen': 'Primer contacto',
  'contacts.none': '—',
  'contacts.edit': 'Editar',
  'contacts.save': 'Guardar',
  'contacts.saving': 'Guardando…',
  'contacts.cancel': 'Cancelar',
  'contacts.error.nameRequired': 'Escribe un nombre.',
  'contacts.error.nameTooLong': 'Demasiado largo: como mucho 120 caracteres.',
  'contacts.error.email': 'Esto no es una dirección de email.',
  'contacts.error.phoneTooLong': 'Demasiado largo: como mucho 32 caracteres.',
  'contacts.conflict.owner': '{value} es de {name}. Si son la misma persona, fusiona este contacto con el suyo.',
  'contacts.conflict.twoPhones':
    '{value} es de {name}. No se pueden fusionar mientras este contacto tenga otro número ({phone}): borra su teléfono y guarda primero, y después escribe el nuevo.',
  'contacts.conflict.hidden':
    '{value} es de otro contacto cuyas conversaciones no puedes ver. Un supervisor puede fusionarlos.',
  'contacts.duplicates': 'Otros contactos con el mismo email, probablemente la misma persona:',
  'contacts.merge.into': 'Fusionar con {name}…',
  'contacts.merge.here': 'Fusionar con este contacto…',
  'contacts.merge.title': '¿Fusionar {source} con {target}?',
  'contacts.merge.explain':
    'Todas las conversaciones de {source} pasan a {target}. {target} conserva su nombre y sus datos, y toma el email y el teléfono de {source} si no los tiene. {source} deja de ser un contacto propio y cualquier chat web que tenga abierto termina. No se puede deshacer.',
  'contacts.merge.confirm': 'Fusionar',
  'contacts.merge.merging': 'Fusionando…',
  'contacts.conversations.title': 'Conversaciones',
  'contacts.conversations.current': 'esta conversación',
  'contacts.conversations.empty': 'No hay conversaciones que puedas ver.',
  'contacts.conversations.more': 'Las conversaciones más antiguas no se muestran.',
  'contacts.panel.title': 'Contacto',
  'contacts.panel.toggle': 'Contacto',
  'contacts.panel.hide': 'Ocultar el panel del contacto',
  'contacts.panel.offline': 'Sin conexión en vivo: el contacto puede estar desactualizado.',
};
