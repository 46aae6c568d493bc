/** The exchange format's CSV files use the app's one CSV writer. */
export { toCsv } from '@shared/csv';
