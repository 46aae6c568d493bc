/**
 * Agreements on a case, their terms, the implementation log (by hand or from a provider's CSV
 * service log) and the compliance figures computed from them (src/shared/compliance).
 * `asOf` defaults to today in every compliance read.
 */
import { z } from 'zod';
import { complianceThresholdsSchema } from '../../compliance/types';
import {
  agreementBehindListItem,
  agreementDetail,
  agreementFields,
  agreementListItem,
  agreementRecord,
  caseAgreementsSummary,
  deliveryFields,
  deliveryRecord,
  nonImplementationData,
  serviceLogImportResult,
  serviceLogPreview,
  termFields,
  termRecord,
} from '../../domain/agreements';
import { emptyInput, isoDate, recordId } from '../../domain/common';
import { fileRef } from '../file-ref';
import { method, ok } from '../method';

const asOf = isoDate.optional();

export const agreementMethods = {
  /** A case's agreements, newest signed first, with how many terms each has. */
  'agreements.listForCase': method("A case's agreements", z.strictObject({ caseId: recordId }), z.array(agreementListItem)),
  /** One agreement with its terms, each term's figures as of `asOf` and its owed-vs-delivered weekly series. */
  'agreements.get': method('An agreement with its terms, compliance and chart series', z.strictObject({ id: recordId, asOf }), agreementDetail),
  /** Record a signed agreement (or an IEP service page) on a case. */
  'agreements.create': method('Add an agreement to a case', z.strictObject({ caseId: recordId, fields: agreementFields }), agreementRecord),
  /** Edit an agreement's type, title, signing date, parties, source document or notes. */
  'agreements.update': method('Edit an agreement', z.strictObject({ id: recordId, fields: agreementFields }), agreementRecord),
  /** Delete an agreement with its terms and their implementation log. */
  'agreements.delete': method('Delete an agreement', z.strictObject({ id: recordId }), ok),
  /** Add a term; the schedule is checked against the compliance rules before it is stored. */
  'agreements.createTerm': method('Add a term to an agreement', z.strictObject({ agreementId: recordId, fields: termFields }), termRecord),
  /** Edit a term. */
  'agreements.updateTerm': method('Edit a term', z.strictObject({ id: recordId, fields: termFields }), termRecord),
  /** Delete a term and its implementation log. */
  'agreements.deleteTerm': method('Delete a term and its log', z.strictObject({ id: recordId }), ok),
  /** A term's implementation log in date order. */
  'agreements.listDeliveries': method("A term's implementation log", z.strictObject({ termId: recordId }), z.array(deliveryRecord)),
  /** Log one session (delivered, cut short or missed) by hand. */
  'agreements.createDelivery': method('Log a session', z.strictObject({ termId: recordId, fields: deliveryFields }), deliveryRecord),
  /** Correct a logged session. */
  'agreements.updateDelivery': method('Edit a logged session', z.strictObject({ id: recordId, fields: deliveryFields }), deliveryRecord),
  /** Remove a logged session. */
  'agreements.deleteDelivery': method('Delete a logged session', z.strictObject({ id: recordId }), ok),
  /**
   * Reads a CSV service log for a term without saving anything: the rows, and every row it could
   * not read and why. The file goes by reference (src/shared/api/file-ref.ts); the service process
   * reads it within the service-log limit and parses it in the bounded parser process.
   */
  'agreements.previewDeliveryImport': method('Preview a CSV service log import', z.strictObject({ termId: recordId, file: fileRef }), serviceLogPreview),
  /**
   * Imports a CSV service log all or nothing: refused (VALIDATION, one field per bad line) while
   * any row is unreadable. Rows that repeat lines already in the term's log (the same file, or an
   * overlapping export, imported again) refuse the import (CONFLICT) unless `duplicates` says
   * otherwise: 'skip' imports only the new rows, 'import' imports every row anyway.
   */
  'agreements.importDeliveries': method(
    'Import a CSV service log',
    z.strictObject({ termId: recordId, file: fileRef, duplicates: z.enum(['refuse', 'skip', 'import']).default('refuse') }),
    serviceLogImportResult,
  ),
  /** Every open case's agreements that are behind or have a missed review, worst first (the dashboard list). */
  'agreements.behind': method('Agreements behind, across the caseload', z.strictObject({ asOf }).default({}), z.array(agreementBehindListItem)),
  /** The case page's summary: each agreement's status, totals and worst term. */
  'agreements.caseSummary': method("A case's agreements at a glance", z.strictObject({ caseId: recordId, asOf }), caseAgreementsSummary),
  /** The findings and the addressees for a notice of non-implementation letter. */
  'agreements.nonImplementation': method('Data for a notice of non-implementation', z.strictObject({ id: recordId, asOf }), nonImplementationData),
  /** The user's thresholds for 'behind' and for a met review date. */
  'agreements.getThresholds': method('Compliance thresholds', emptyInput, complianceThresholdsSchema),
  /** Change some or all thresholds; the others keep their value. */
  'agreements.setThresholds': method(
    'Change the compliance thresholds',
    z.strictObject({
      behindBelowPercent: z.number().min(0).max(100).optional(),
      behindMinimumShortfallMinutes: z.number().int().nonnegative().max(100_000).optional(),
      reviewGraceDays: z.number().int().nonnegative().max(365).optional(),
    }),
    complianceThresholdsSchema,
  ),
} as const;
