import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agreementsTable } from './agreements';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { documentsTable } from './documents';
import { eventsTable } from './events';

/**
 * The IEP as a document: its dates, accommodations and measurable goals. It is the same record as
 * the IEP meeting fact the deadline engine counts the annual review from (`event_id`, one IEP per
 * fact): the meeting's date and kind live on the fact, never here. Its services are the terms of
 * an 'iep_services' agreement (`agreement_id`), never a second list.
 */
export const iepsTable = sqliteTable(
  'ieps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** The IEP meeting fact (initial, annual, reevaluation...) this IEP came out of. */
    eventId: integer('event_id').references(() => eventsTable.id, { onDelete: 'set null' }),
    /** The dates the IEP is in effect; the end date is what goal trends are projected to. */
    startOn: text('start_on'),
    endOn: text('end_on'),
    /** One accommodation per line. */
    accommodations: text('accommodations'),
    /** The agreement tracker's 'iep_services' agreement holding this IEP's services. */
    agreementId: integer('agreement_id').references(() => agreementsTable.id, { onDelete: 'set null' }),
    /** The IEP document itself, when imported. */
    documentId: integer('document_id').references(() => documentsTable.id, { onDelete: 'set null' }),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('ieps_case_idx').on(table.caseId), uniqueIndex('ieps_event_idx').on(table.eventId)],
);
export type IepRow = typeof iepsTable.$inferSelect;

/** A measurable annual goal: where the child started, where the goal says they will be, in what unit. */
export const iepGoalsTable = sqliteTable(
  'iep_goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    iepId: integer('iep_id')
      .notNull()
      .references(() => iepsTable.id, { onDelete: 'cascade' }),
    /** reading, writing, math, communication, behavior... (free text, the IEP's own words). */
    area: text('area').notNull(),
    /** The goal as written in the IEP. */
    statement: text('statement'),
    baseline: real('baseline').notNull(),
    target: real('target').notNull(),
    /** The unit the goal is measured in ('words correct per minute', '% of opportunities'). */
    measure: text('measure').notNull(),
    /** higher | lower: which way is better. */
    direction: text('direction').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('iep_goals_iep_idx').on(table.iepId)],
);
export type IepGoalRow = typeof iepGoalsTable.$inferSelect;

/** One measurement of a goal, from a report card, a progress report or the advocate's own data. */
export const goalProgressTable = sqliteTable(
  'goal_progress',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => iepGoalsTable.id, { onDelete: 'cascade' }),
    measuredOn: text('measured_on').notNull(),
    value: real('value').notNull(),
    /** report_card | progress_report | advocate_data | other */
    source: text('source').notNull(),
    documentId: integer('document_id').references(() => documentsTable.id, { onDelete: 'set null' }),
    /** The district's own rating: mastered | progressing | not_progressing | not_introduced (or none). */
    districtRating: text('district_rating'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (table) => [index('goal_progress_goal_idx').on(table.goalId, table.measuredOn)],
);
export type GoalProgressRow = typeof goalProgressTable.$inferSelect;
