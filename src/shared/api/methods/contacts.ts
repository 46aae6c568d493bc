/** The contacts.* methods. */

import { method, ok } from '../method';
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { contact, contactFields } from '../../domain/entities';

export const contactsMethods = {
  'contacts.list': method(
    'Contacts, by district or search text',
    z.strictObject({ districtId: recordId.optional(), search: z.string().trim().max(200).optional() }).default({}),
    z.array(contact),
  ),
  'contacts.create': method('Add a contact', contactFields, contact),
  'contacts.update': method('Edit a contact', z.strictObject({ id: recordId, fields: contactFields }), contact),
  'contacts.delete': method('Delete a contact', z.strictObject({ id: recordId }), ok),
} as const;
