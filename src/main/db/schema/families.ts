import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

export const familiesTable = sqliteTable('families', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  primaryLanguage: text('primary_language'),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  engagedOn: text('engaged_on'),
  consentOn: text('consent_on'),
  notes: text('notes'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type FamilyRow = typeof familiesTable.$inferSelect;
export type NewFamilyRow = typeof familiesTable.$inferInsert;
