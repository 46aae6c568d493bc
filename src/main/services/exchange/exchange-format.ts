import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import * as schema from '../../db/schema';

/**
 * The family export format (version 1): a zip holding
 * - manifest.json: format, version, exportedAt, and the SHA-256 and size of every other entry;
 * - family.json: every row of the family, table by table (camelCase keys as in the schema), and
 *   which zip entry holds each document's bytes;
 * - events.csv and deliveries.csv: for reading in a spreadsheet (the import ignores them);
 * - documents/<id>-<name>: each document's original bytes.
 *
 * The tables below are listed in insert order: every foreign key points to a table earlier in the
 * list (a test checks this, and that every table of the schema is either here or excluded), and
 * events and IEE requests come before tasks, whose trigger keys name them.
 */
export const EXPORT_FORMAT = 'advocate-desk-family-export';
export const FAMILY_FORMAT = 'advocate-desk-family';
export const EXPORT_VERSION = 1;

/** Contacts and districts are shared across families: exported when linked, matched or added on import. */
export const SHARED_TABLES = ['districts', 'contacts'] as const;

export interface ExchangeTable {
  name: string;
  table: SQLiteTable;
  /** The rows that belong to the family (`family` is the exported family's id). */
  scope: (family: number) => SQL;
  /** A table added after version 1 was released: an export from before it has none (read as no rows). */
  isAddedLater?: boolean;
}

function caseIds(family: number): SQL {
  return sql`SELECT c.id FROM cases c JOIN students s ON s.id = c.student_id WHERE s.family_id = ${family}`;
}

function documentIds(family: number): SQL {
  return sql`SELECT id FROM documents WHERE case_id IN (${caseIds(family)})`;
}

function contactIds(family: number): SQL {
  return sql`SELECT contact_id FROM case_contacts WHERE case_id IN (${caseIds(family)})
    UNION SELECT contact_id FROM events WHERE case_id IN (${caseIds(family)})
    UNION SELECT evaluator_contact_id FROM iee_requests WHERE case_id IN (${caseIds(family)})
    UNION SELECT json_extract(a.value, '$.contactId') FROM meetings m, json_each(m.attendees) a WHERE m.case_id IN (${caseIds(family)})`;
}

function districtIds(family: number): SQL {
  return sql`SELECT district_id FROM students WHERE family_id = ${family}
    UNION SELECT district_id FROM cases WHERE id IN (${caseIds(family)})
    UNION SELECT district_id FROM contacts WHERE id IN (${contactIds(family)})`;
}

export const EXCHANGE_TABLES: ExchangeTable[] = [
  { name: 'districts', table: schema.districtsTable, scope: (f) => sql`id IN (${districtIds(f)})` },
  { name: 'contacts', table: schema.contactsTable, scope: (f) => sql`id IN (${contactIds(f)})` },
  { name: 'families', table: schema.familiesTable, scope: (f) => sql`id = ${f}` },
  { name: 'guardians', table: schema.guardiansTable, scope: (f) => sql`family_id = ${f}` },
  { name: 'students', table: schema.studentsTable, scope: (f) => sql`family_id = ${f}` },
  { name: 'cases', table: schema.casesTable, scope: (f) => sql`id IN (${caseIds(f)})` },
  { name: 'case_contacts', table: schema.caseContactsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'events', table: schema.eventsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'documents', table: schema.documentsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  /** Only the extracted text goes into family.json; the bytes are the documents/ entries. */
  { name: 'document_contents', table: schema.documentContentsTable, scope: (f) => sql`document_id IN (${documentIds(f)})` },
  { name: 'document_events', table: schema.documentEventsTable, scope: (f) => sql`document_id IN (${documentIds(f)})` },
  { name: 'meetings', table: schema.meetingsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'iee_requests', table: schema.ieeRequestsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'claims', table: schema.claimsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'tasks', table: schema.tasksTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  {
    name: 'meeting_decisions',
    table: schema.meetingDecisionsTable,
    scope: (f) => sql`meeting_id IN (SELECT id FROM meetings WHERE case_id IN (${caseIds(f)}))`,
  },
  { name: 'agreements', table: schema.agreementsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  {
    name: 'agreement_terms',
    table: schema.agreementTermsTable,
    scope: (f) => sql`agreement_id IN (SELECT id FROM agreements WHERE case_id IN (${caseIds(f)}))`,
  },
  {
    name: 'deliveries',
    table: schema.deliveriesTable,
    scope: (f) => sql`term_id IN (SELECT t.id FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id WHERE a.case_id IN (${caseIds(f)}))`,
  },
  { name: 'time_entries', table: schema.timeEntriesTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'case_stage_history', isAddedLater: true, table: schema.caseStageHistoryTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'position_statements', isAddedLater: true, table: schema.positionStatementsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  {
    name: 'meeting_items',
    isAddedLater: true,
    table: schema.meetingItemsTable,
    scope: (f) => sql`meeting_id IN (SELECT id FROM meetings WHERE case_id IN (${caseIds(f)}))`,
  },
  { name: 'ieps', isAddedLater: true, table: schema.iepsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'iep_goals', isAddedLater: true, table: schema.iepGoalsTable, scope: (f) => sql`iep_id IN (SELECT id FROM ieps WHERE case_id IN (${caseIds(f)}))` },
  {
    name: 'goal_progress',
    isAddedLater: true,
    table: schema.goalProgressTable,
    scope: (f) => sql`goal_id IN (SELECT g.id FROM iep_goals g JOIN ieps i ON i.id = g.iep_id WHERE i.case_id IN (${caseIds(f)}))`,
  },
  { name: 'consents', isAddedLater: true, table: schema.consentsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  { name: 'trials', isAddedLater: true, table: schema.trialsTable, scope: (f) => sql`case_id IN (${caseIds(f)})` },
  {
    name: 'trial_entries',
    isAddedLater: true,
    table: schema.trialEntriesTable,
    scope: (f) => sql`trial_id IN (SELECT id FROM trials WHERE case_id IN (${caseIds(f)}))`,
  },
];

/** Tables that hold no family data, and why they stay out of a family export. */
export const EXCLUDED_TABLES: Record<string, string> = {
  audit_log: 'the vault’s own history; the importing vault records the import in its own log',
  settings: 'preferences of the vault, not of a family',
  school_calendars: 'a district’s calendar, shared by every family of that district',
  calendar_closures: 'part of a district’s school calendar',
  grading_periods: 'part of a district’s school calendar',
  case_deadlines: 'derived: the importing vault computes the deadlines from the imported facts',
  case_deadline_states: 'derived: when the stored deadlines were computed',
  agreement_summaries: 'derived: the importing vault computes compliance from the imported log',
  case_views: 'when this vault’s advocate last opened the case: reading history of this vault, not family data',
  case_flag_sightings: 'derived: when this vault first saw each red flag',
};

export interface ColumnInfo {
  key: string;
  column: SQLiteColumn;
}

/** Columns written to family.json; document bytes travel as zip entries instead. */
export function exportedColumns(table: SQLiteTable): ColumnInfo[] {
  return Object.entries(getTableColumns(table))
    .filter(([, column]) => column.dataType !== 'buffer')
    .map(([key, column]) => ({ key, column: column as SQLiteColumn }));
}

/** Foreign keys of a table: column key → referenced table name. */
export function foreignKeysOf(table: SQLiteTable): Map<string, string> {
  const byName = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const result = new Map<string, string>();
  for (const foreignKey of getTableConfig(table).foreignKeys) {
    const reference = foreignKey.reference();
    const column = reference.columns[0];
    if (column) result.set(byName.get(column.name)!, getTableName(reference.foreignTable));
  }
  return result;
}

function columnSchema(column: SQLiteColumn): z.ZodType {
  let base: z.ZodType;
  switch (column.dataType) {
    case 'number':
      base = column.columnType === 'SQLiteInteger' ? z.number().int() : z.number();
      break;
    case 'boolean':
      base = z.boolean();
      break;
    case 'json':
      base = z.json();
      break;
    default:
      base = z.string().max(10_000_000);
  }
  if (!column.notNull) return base.nullable().optional();
  return column.hasDefault && !column.primary ? base.optional() : base;
}

/** The zod schema of one exported row, built from the table's current columns (unknown keys rejected). */
export function rowSchema(table: SQLiteTable): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const { key, column } of exportedColumns(table)) shape[key] = columnSchema(column);
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

export const manifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  /** Rows per table, as a cross-check of family.json. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.record(z.string(), z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function familyFileSchema(): z.ZodType<FamilyFile> {
  const tables: Record<string, z.ZodType> = {};
  for (const entry of EXCHANGE_TABLES) {
    const rows = z.array(rowSchema(entry.table)).max(1_000_000);
    tables[entry.name] = entry.isAddedLater ? rows.optional().default([]) : rows;
  }
  return z.strictObject({
    format: z.literal(FAMILY_FORMAT),
    version: z.literal(EXPORT_VERSION),
    tables: z.strictObject(tables),
    /** documents.id → the zip entry with its bytes. */
    documentFiles: z.record(z.string().regex(/^\d+$/), z.string().startsWith('documents/')),
  }) as unknown as z.ZodType<FamilyFile>;
}

export interface FamilyFile {
  format: typeof FAMILY_FORMAT;
  version: typeof EXPORT_VERSION;
  tables: Record<string, Record<string, unknown>[]>;
  documentFiles: Record<string, string>;
}

/** A document's zip entry: its id and a file-system-safe version of its original name. */
export function documentEntryName(id: number, originalName: string | null, title: string): string {
  const source = (originalName ?? title).normalize('NFKD');
  const safe = source
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-80);
  return `documents/${id}-${safe || 'document'}`;
}
