import {
  addProgress,
  createGoal,
  createIep,
  deleteGoal,
  deleteIep,
  deleteProgress,
  importProgress,
  listIepCandidates,
  listIeps,
  previewProgressImport,
  updateGoal,
  updateIep,
} from '../../services/ieps';
import { readImportFile } from '../../services/files/read-import';
import { services, type AppContext } from '../app-context';
import type { DomainHandlers } from '../dispatcher';
import type { iepsMethods } from '@shared/api/methods/ieps';

export const iepsHandlers = {
  'ieps.list': (input, ctx) => listIeps(services(ctx), input),
  'ieps.candidates': (input, ctx) => listIepCandidates(services(ctx), input),
  'ieps.create': (input, ctx) => createIep(services(ctx), input),
  'ieps.update': (input, ctx) => updateIep(services(ctx), input),
  'ieps.delete': (input, ctx) => deleteIep(services(ctx), input.id),
  'ieps.createGoal': (input, ctx) => createGoal(services(ctx), input),
  'ieps.updateGoal': (input, ctx) => updateGoal(services(ctx), input),
  'ieps.deleteGoal': (input, ctx) => deleteGoal(services(ctx), input.id),
  'ieps.addProgress': (input, ctx) => addProgress(services(ctx), input),
  'ieps.deleteProgress': (input, ctx) => deleteProgress(services(ctx), input.id),
  // The service process reads the file itself, within the progress data limit (src/shared/api/file-limits.ts).
  'ieps.previewProgressImport': async ({ goalId, file }, ctx) =>
    previewProgressImport(services(ctx), { goalId, bytes: await readImportFile(file, 'progressData', ctx.uploadsDir) }),
  'ieps.importProgress': async ({ goalId, file, source }, ctx) =>
    importProgress(services(ctx), { goalId, source, bytes: await readImportFile(file, 'progressData', ctx.uploadsDir) }),
} satisfies DomainHandlers<keyof typeof iepsMethods, AppContext>;
