import { defineRoutes } from '../common/rest-route';
import {
  contactDetailSchema,
  contactPageSchema,
  listContactsQuerySchema,
  mergeContactSchema,
  updateContactSchema,
} from './contacts.schema';
import { roleGroups } from '../auth/role-groups';

/** Contacts are reached through conversations: staff see a contact when they may see one of its conversations. */
export const contactsRoutes = defineRoutes({
  listContacts: {
    method: 'GET',
    path: '/api/contacts',
    roles: roleGroups.inbox,
    summary: 'Contacts the caller may see, by name, with q over name, email and phone',
    query: listContactsQuerySchema,
    response: contactPageSchema,
  },
  getContact: {
    method: 'GET',
    path: '/api/contacts/:id',
    roles: roleGroups.inbox,
    summary:
      'A contact with its conversations, newest first (a merged contact answers with the one it was merged into)',
    response: contactDetailSchema,
  },
  updateContact: {
    method: 'PATCH',
    path: '/api/contacts/:id',
    roles: roleGroups.inbox,
    summary: "Change a contact's name, email or phone (a phone another contact has: 409)",
    body: updateContactSchema,
    response: contactDetailSchema,
  },
  mergeContact: {
    method: 'POST',
    path: '/api/contacts/:id/merge',
    roles: roleGroups.inbox,
    summary:
      'Merge this contact into another (the caller must see a conversation of both); answers the surviving contact',
    body: mergeContactSchema,
    response: contactDetailSchema,
  },
});
