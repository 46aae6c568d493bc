/**
 * One size limit per kind of file that crosses the vault's edge, in bytes, in one place (the
 * README's "Files" section lists them). Files travel by path between the service process and the
 * disk, never as base64 in a message, so these are about what is sensible to hold in memory once,
 * not about message sizes.
 */
export const FILE_LIMITS = {
  /** A mediation binder written to disk (a 2,000-page binder of scans is about 400 MB). */
  binderPdf: 1024 ** 3,
  /** A family export zip (every document of the family, uncompressed PDFs inside). */
  familyExport: 1024 ** 3,
  /** A family export read back in (the largest we write). */
  familyImport: 1024 ** 3,
  /** A letter, calendar or time report written to disk. */
  smallExport: 64 * 1024 ** 2,
  /**
   * A document imported into a case (PDF, image, Word, e-mail). District records are mostly scans;
   * 50 MB holds a few hundred scanned pages while keeping an import's memory (bytes, parse) bounded.
   */
  document: 50 * 1024 ** 2,
  /** A district's school calendar (CSV or .ics); a real one is a few kilobytes. */
  schoolCalendar: 2 * 1024 ** 2,
  /** A provider's CSV service log; 5 MB holds years of daily sessions. */
  serviceLog: 5 * 1024 ** 2,
  /** A goal's progress data (CSV); years of weekly probes are a few kilobytes. */
  progressData: 2 * 1024 ** 2,
} as const;

export type FileKind = keyof typeof FILE_LIMITS;

/** The kinds of file the advocate imports (main's open dialog offers each its own file types). */
export const IMPORT_KINDS = ['document', 'schoolCalendar', 'serviceLog', 'progressData', 'familyImport'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The largest upload the browser bridge streams to disk (the largest of the limits above). */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(FILE_LIMITS));

export function describeLimit(kind: FileKind): string {
  const bytes = FILE_LIMITS[kind];
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
