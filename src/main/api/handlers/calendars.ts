import { deleteCalendar, importCalendar, listCalendars, previewCalendarImport, saveCalendar } from '../../services/calendars/calendars-service';
import { readImportFile } from '../../services/files/read-import';
import type { calendarMethods } from '@shared/api/methods/calendars';
import type { DomainHandlers } from '../dispatcher';
import { withDeadlineRefresh } from '../deadline-refresh';
import { services, type AppContext } from '../app-context';

export const calendarHandlers = {
  'calendars.list': (input, ctx) => listCalendars(services(ctx), input),
  'calendars.save': (input, ctx) => withDeadlineRefresh(ctx, saveCalendar(services(ctx), input)),
  'calendars.delete': (input, ctx) => withDeadlineRefresh(ctx, deleteCalendar(services(ctx), input.id)),
  // The service process reads the file itself, within the school-calendar limit (src/shared/api/file-limits.ts).
  'calendars.previewImport': async ({ file, format }, ctx) =>
    previewCalendarImport({ format, bytes: await readImportFile(file, 'schoolCalendar', ctx.uploadsDir) }),
  'calendars.import': async ({ file, ...rest }, ctx) =>
    withDeadlineRefresh(ctx, importCalendar(services(ctx), { ...rest, bytes: await readImportFile(file, 'schoolCalendar', ctx.uploadsDir) })),
} satisfies DomainHandlers<keyof typeof calendarMethods, AppContext>;
