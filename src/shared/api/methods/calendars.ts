/** District school calendars: school years, holidays and breaks. */
import { z } from 'zod';
import { isoDate, recordId, requiredText } from '../../domain/common';
import { CALENDAR_FORMATS, calendarFields, calendarImportPreview, calendarImportResult, schoolCalendarRecord } from '../../domain/deadline-entities';
import { fileRef } from '../file-ref';
import { method, ok } from '../method';

export const calendarMethods = {
  /** School calendars, optionally of one district, newest school year first. */
  'calendars.list': method('School calendars by district', z.strictObject({ districtId: recordId.optional() }).default({}), z.array(schoolCalendarRecord)),
  /** Create a school year (no id) or replace one (id) with its closures. */
  'calendars.save': method('Create or replace a school calendar', z.strictObject({ id: recordId.optional(), fields: calendarFields }), schoolCalendarRecord),
  /** Delete a school year; school-day rules of its district become estimates again. */
  'calendars.delete': method('Delete a school calendar', z.strictObject({ id: recordId }), ok),
  /**
   * Read a CSV or .ics file and show what would be imported, with every row error; saves nothing.
   * The file goes by reference (src/shared/api/file-ref.ts); the service process reads it within
   * the school-calendar limit and parses it in the bounded parser process.
   */
  'calendars.previewImport': method(
    'Preview a calendar file (CSV or .ics) without saving',
    z.strictObject({ format: z.enum(CALENDAR_FORMATS), file: fileRef }),
    calendarImportPreview,
  ),
  /**
   * Import a CSV or .ics file as one school year, all or nothing: with any row error nothing is
   * saved and the preview (with the errors) comes back. First and last day come from the file
   * or, when it has none, from the input. An existing year of the same label is replaced.
   */
  'calendars.import': method(
    'Import a calendar file as a school year, all or nothing',
    z.strictObject({
      districtId: recordId,
      label: requiredText(40, 'School year'),
      format: z.enum(CALENDAR_FORMATS),
      file: fileRef,
      firstDay: isoDate.optional(),
      lastDay: isoDate.optional(),
    }),
    calendarImportResult,
  ),
} as const;
