import { listContacts, createContact, updateContact, deleteContact } from '../../services/contacts/contacts-service';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { contactsMethods } from '@shared/api/methods/contacts';

export const contactsHandlers = {
  'contacts.list': (input, ctx) => listContacts(services(ctx), input),
  'contacts.create': (input, ctx) => createContact(services(ctx), input),
  'contacts.update': (input, ctx) => updateContact(services(ctx), input),
  'contacts.delete': (input, ctx) => deleteContact(services(ctx), input.id),
} satisfies DomainHandlers<keyof typeof contactsMethods, AppContext>;
