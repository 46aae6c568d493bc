/**
 * The one CSV writer (Papa.unparse), for every CSV the app writes: RFC 4180 with CRLF line ends
 * and a header row. Safe against formula injection: a text cell that starts with = + - @, a tab
 * or a carriage return would be run as a formula by Excel, LibreOffice or Sheets (OWASP "CSV
 * Injection"), so it gets a leading apostrophe, which spreadsheets show as plain text. Numbers
 * and booleans are written as they are.
 */
import Papa from 'papaparse';

/** Papaparse's own default pattern ends in `.*$` without the dotall flag, so "=cmd\nrest" slipped through it: the first character only. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(header: string[], rows: unknown[][], options: { byteOrderMark?: boolean } = {}): string {
  const cells = rows.map((row) => row.map((value) => (value === undefined ? null : value)));
  const text = Papa.unparse({ fields: header, data: cells }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `${options.byteOrderMark ? '\ufeff' : ''}${text}\r\n`;
}
