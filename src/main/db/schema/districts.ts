import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const districtsTable = sqliteTable(
  'districts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    state: text('state'),
  },
  (table) => [uniqueIndex('districts_name_state_idx').on(table.name, table.state)],
);
export type DistrictRow = typeof districtsTable.$inferSelect;
