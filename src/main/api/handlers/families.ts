import {
  createFamily,
  createGuardian,
  createStudent,
  deleteGuardian,
  deleteStudent,
  getFamily,
  listFamilies,
  purgeFamily,
  updateFamily,
  updateGuardian,
  updateStudent,
} from '../../services/families/families-service';
import type { familyMethods } from '@shared/api/methods/families';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';
import { buildFamilyExport, recordFamilyExport } from '../../services/exchange/export-family';
import { saveExport } from '../../services/files/save-export';
import { importFamily } from '../../services/exchange/import-family';
import { readImportFile } from '../../services/files/read-import';

export const familyHandlers = {
  'families.list': (input, ctx) => listFamilies(services(ctx), input),
  'families.get': (input, ctx) => getFamily(services(ctx), input.id),
  'families.create': (input, ctx) => createFamily(services(ctx), input),
  'families.update': (input, ctx) => updateFamily(services(ctx), input),
  'families.purge': (input, ctx) => purgeFamily(services(ctx), input),
  'families.createGuardian': (input, ctx) => createGuardian(services(ctx), input),
  'families.updateGuardian': (input, ctx) => updateGuardian(services(ctx), input),
  'families.deleteGuardian': (input, ctx) => deleteGuardian(services(ctx), input.id),
  'families.createStudent': (input, ctx) => createStudent(services(ctx), input),
  'families.updateStudent': (input, ctx) => updateStudent(services(ctx), input),
  'families.deleteStudent': (input, ctx) => deleteStudent(services(ctx), input.id),
  'families.export': async (input, ctx) => {
    const service = services(ctx);
    const exported = buildFamilyExport(service, input.id);
    const file = { kind: 'familyExport' as const, fileName: exported.fileName, mimeType: 'application/zip', bytes: exported.bytes };
    const outcome = await saveExport(ctx.chooseSavePath, file, () => recordFamilyExport(service, input.id, exported.documentCount));
    return { fileName: exported.fileName, ...outcome };
  },
  'families.import': async (input, ctx) => importFamily(services(ctx), await readImportFile(input.file, 'familyImport', ctx.uploadsDir)),
} satisfies DomainHandlers<keyof typeof familyMethods, AppContext>;
