/** Saving files the advocate exports on purpose (binder, letter, family export, calendar, report, a document's copy). */
import { z } from 'zod';
import { IMPORT_KINDS } from '../file-limits';
import { method } from '../method';

const saveOutcome = { savedPath: z.string().nullable(), wasCancelled: z.boolean() };

/** The methods whose file `files.exportTo` can save: each returns { fileName, base64 | text }. */
export const EXPORT_METHODS = ['letters.export', 'time.exportCsv', 'time.exportPdf', 'deadlines.exportIcs', 'documents.content'] as const;

export const fileMethods = {
  /**
   * Main's open dialog picks a file to import (a stand-in chooser on the bridge), offering the file
   * types of its kind. Returns an opaque id to pass as `{ choiceId }` wherever an import takes a
   * file (src/shared/api/file-ref.ts), so the renderer never names a path it did not get from a
   * dialog or a drop. Null id and name when the advocate cancelled.
   */
  'files.chooseImport': method(
    'Choose a file to import',
    z.strictObject({ kind: z.enum(IMPORT_KINDS) }),
    z.strictObject({ choiceId: z.string().nullable(), fileName: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
  /**
   * Writes a file the service process built and kept (a binder) where the user chooses: the save
   * dialog in the desktop app, the bridge's exports folder in the browser. Atomic; the export's
   * audit entry is written after the file is. A failed write is FILE_WRITE_FAILED.
   */
  'files.saveExport': method(
    'Save a built export where the user chooses',
    z.strictObject({ exportId: z.string().regex(/^[0-9a-f]{32}$/) }),
    z.strictObject(saveOutcome),
  ),
  /**
   * Runs one of the export methods and writes its file where the user chooses (save dialog),
   * atomically: the file's bytes stay in the service process and never travel to the window.
   * `summary` carries the method's other plain fields (counts, ids) for the confirmation.
   */
  'files.exportTo': method(
    'Run an export and save its file where the user chooses',
    z.strictObject({ method: z.enum(EXPORT_METHODS), input: z.unknown() }),
    z.strictObject({ fileName: z.string(), ...saveOutcome, summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) }),
  ),
} as const;
