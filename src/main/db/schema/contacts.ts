import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { districtsTable } from './districts';

export const contactsTable = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    organization: text('organization'),
    districtId: integer('district_id').references(() => districtsTable.id, { onDelete: 'set null' }),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
  },
  (table) => [index('contacts_district_idx').on(table.districtId)],
);
export type ContactRow = typeof contactsTable.$inferSelect;

export const caseContactsTable = sqliteTable(
  'case_contacts',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contactsTable.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.contactId] }), index('case_contacts_contact_idx').on(table.contactId)],
);
