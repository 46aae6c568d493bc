import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { familiesTable } from './families';

export const guardiansTable = sqliteTable(
  'guardians',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    familyId: integer('family_id')
      .notNull()
      .references(() => familiesTable.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relationship: text('relationship'),
    email: text('email'),
    phone: text('phone'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [index('guardians_family_idx').on(table.familyId)],
);
export type GuardianRow = typeof guardiansTable.$inferSelect;
