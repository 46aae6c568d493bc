import {
  agreementComplianceFor,
  agreementsBehind,
  caseAgreementsSummary,
  createAgreement,
  createDelivery,
  createTerm,
  deleteAgreement,
  deleteDelivery,
  deleteTerm,
  getComplianceThresholds,
  importServiceLog,
  listAgreementsForCase,
  listDeliveries,
  nonImplementationData,
  previewServiceLogImport,
  setComplianceThresholds,
  todayOf,
  updateAgreement,
  updateDelivery,
  updateTerm,
} from '../../services/agreements';
import { readImportFile } from '../../services/files/read-import';
import type { agreementMethods } from '@shared/api/methods/agreements';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const agreementHandlers = {
  'agreements.listForCase': (input, ctx) => listAgreementsForCase(services(ctx), input.caseId),
  'agreements.get': (input, ctx) => {
    const service = services(ctx);
    return agreementComplianceFor(service, input.id, input.asOf ?? todayOf(service));
  },
  'agreements.create': (input, ctx) => createAgreement(services(ctx), input),
  'agreements.update': (input, ctx) => updateAgreement(services(ctx), input),
  'agreements.delete': (input, ctx) => deleteAgreement(services(ctx), input.id),
  'agreements.createTerm': (input, ctx) => createTerm(services(ctx), input),
  'agreements.updateTerm': (input, ctx) => updateTerm(services(ctx), input),
  'agreements.deleteTerm': (input, ctx) => deleteTerm(services(ctx), input.id),
  'agreements.listDeliveries': (input, ctx) => listDeliveries(services(ctx), input.termId),
  'agreements.createDelivery': (input, ctx) => createDelivery(services(ctx), input),
  'agreements.updateDelivery': (input, ctx) => updateDelivery(services(ctx), input),
  'agreements.deleteDelivery': (input, ctx) => deleteDelivery(services(ctx), input.id),
  // The service process reads the file itself, within the service-log limit (src/shared/api/file-limits.ts).
  'agreements.previewDeliveryImport': async ({ termId, file }, ctx) =>
    previewServiceLogImport(services(ctx), { termId, bytes: await readImportFile(file, 'serviceLog', ctx.uploadsDir) }),
  'agreements.importDeliveries': async ({ termId, file, duplicates }, ctx) =>
    importServiceLog(services(ctx), { termId, duplicates, bytes: await readImportFile(file, 'serviceLog', ctx.uploadsDir) }),
  'agreements.behind': (input, ctx) => {
    const service = services(ctx);
    // Today's list is the kept one itself, so its contract check is kept with it (dispatcher).
    return agreementsBehind(service, input.asOf ?? todayOf(service));
  },
  'agreements.caseSummary': (input, ctx) => {
    const service = services(ctx);
    return caseAgreementsSummary(service, input.caseId, input.asOf ?? todayOf(service));
  },
  'agreements.nonImplementation': (input, ctx) => {
    const service = services(ctx);
    return nonImplementationData(service, input.id, input.asOf ?? todayOf(service));
  },
  'agreements.getThresholds': (_input, ctx) => getComplianceThresholds(services(ctx)),
  'agreements.setThresholds': (input, ctx) => setComplianceThresholds(services(ctx), input),
} satisfies DomainHandlers<keyof typeof agreementMethods, AppContext>;
