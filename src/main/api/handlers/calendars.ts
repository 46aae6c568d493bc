import { deleteCalendar, importCalendar, listCalendars, previewCalendarImport, saveCalendar } from '../../services/calendars/calendars-service';
import type { calendarMethods } from '@shared/api/methods/calendars';
import type { DomainHandlers } from '../dispatcher';
import { withDeadlineRefresh } from './deadline-refresh';
import { services, type AppContext } from '../app-context';

export const calendarHandlers = {
  'calendars.list': (input, ctx) => listCalendars(services(ctx), input),
  'calendars.save': (input, ctx) => withDeadlineRefresh(ctx, saveCalendar(services(ctx), input)),
  'calendars.delete': (input, ctx) => withDeadlineRefresh(ctx, deleteCalendar(services(ctx), input.id)),
  'calendars.previewImport': (input) => previewCalendarImport(input),
  'calendars.import': (input, ctx) => withDeadlineRefresh(ctx, importCalendar(services(ctx), input)),
} satisfies DomainHandlers<keyof typeof calendarMethods, AppContext>;
