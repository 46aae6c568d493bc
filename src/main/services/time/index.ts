/** Time entries per case (timer and by hand) and the per-family report with its CSV and PDF exports. */
export {
  listTimeEntries,
  createTimeEntry,
  updateTimeEntry,
  deleteTimeEntry,
  startTimer,
  stopTimer,
  runningTimer,
  timerMinutes,
  toTimeEntry,
} from './time-service';
export { timeReport, timeReportCsv, timeReportPdf, exportTimeReportCsv, exportTimeReportPdf } from './time-report';
