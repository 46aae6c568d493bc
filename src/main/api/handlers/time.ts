import type { timeMethods } from '@shared/api/methods/time';
import {
  createTimeEntry,
  deleteTimeEntry,
  exportTimeReportCsv,
  exportTimeReportPdf,
  listTimeEntries,
  runningTimer,
  startTimer,
  stopTimer,
  timeReport,
  updateTimeEntry,
} from '../../services/time';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const timeHandlers = {
  'time.list': (input, ctx) => listTimeEntries(services(ctx), input),
  'time.create': (input, ctx) => createTimeEntry(services(ctx), input),
  'time.update': (input, ctx) => updateTimeEntry(services(ctx), input),
  'time.delete': (input, ctx) => deleteTimeEntry(services(ctx), input.id),
  'time.start': (input, ctx) => startTimer(services(ctx), input),
  'time.stop': (input, ctx) => stopTimer(services(ctx), input),
  'time.running': (_input, ctx) => runningTimer(services(ctx)),
  'time.report': (input, ctx) => timeReport(services(ctx), input),
  'time.exportCsv': (input, ctx) => exportTimeReportCsv(services(ctx), input),
  'time.exportPdf': (input, ctx) => exportTimeReportPdf(services(ctx), input),
} satisfies DomainHandlers<keyof typeof timeMethods, AppContext>;
