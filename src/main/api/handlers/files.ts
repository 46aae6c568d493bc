import { AppError } from '@shared/api/errors';
import type { fileMethods } from '@shared/api/methods/files';
import type { ImportKind } from '@shared/api/file-limits';
import { basename } from 'node:path';
import { holdChosenPath } from '../../services/files/chosen-files';
import { saveExport, saveHeldExport } from '../../services/files/save-export';
import type { DomainHandlers } from '../dispatcher';
import type { AppContext } from '../app-context';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  ics: 'text/calendar',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

/** What main's open dialog offers for each kind of import (the content is checked anyway: a file's type is read from its bytes). */
const IMPORT_CHOICES: Record<ImportKind, { title: string; extensions: string[] }> = {
  document: { title: 'Choose a document to add to the case', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'eml', 'msg'] },
  schoolCalendar: { title: 'Choose the district’s calendar file', extensions: ['csv', 'ics', 'txt'] },
  serviceLog: { title: 'Choose the service log (CSV)', extensions: ['csv', 'txt'] },
  progressData: { title: 'Choose the progress data (CSV)', extensions: ['csv', 'txt'] },
  familyImport: { title: 'Choose a family export', extensions: ['zip'] },
};

interface ExportedFile {
  fileName: string;
  base64?: string;
  text?: string;
  mimeType?: string;
  [field: string]: unknown;
}

export const fileHandlers = {
  'files.chooseImport': async (input, ctx) => {
    if (!ctx.chooseOpenPath) throw new AppError('FORBIDDEN', 'Choosing files needs the desktop app.');
    const path = await ctx.chooseOpenPath({ kind: 'file', ...IMPORT_CHOICES[input.kind] });
    return path === null
      ? { choiceId: null, fileName: null, wasCancelled: true }
      : { choiceId: holdChosenPath(path), fileName: basename(path), wasCancelled: false };
  },
  'files.saveExport': (input, ctx) => saveHeldExport(ctx.chooseSavePath, input.exportId),
  'files.exportTo': async (input, ctx) => {
    if (!ctx.invoke) throw new AppError('FORBIDDEN', 'Saving files needs the desktop app.');
    // Through the whole dispatcher: the inner method's input is validated like any call.
    const result = await ctx.invoke(input.method, input.input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.fields);
    const { fileName, base64, text, mimeType, ...rest } = result.value as ExportedFile;
    const bytes = base64 !== undefined ? Buffer.from(base64, 'base64') : Buffer.from(text ?? '', 'utf8');
    const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
    const file = { kind: 'smallExport' as const, fileName, mimeType: mimeType ?? MIME_BY_EXTENSION[extension] ?? 'application/octet-stream', bytes };
    const outcome = await saveExport(ctx.chooseSavePath, file, () => {});
    const summary: Record<string, string | number | boolean | null> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) summary[key] = value as string | number | boolean | null;
    }
    return { fileName, ...outcome, summary };
  },
} satisfies DomainHandlers<keyof typeof fileMethods, AppContext>;
