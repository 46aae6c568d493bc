/**
 * Conversions between the agreement tables' rows and the shapes the API and the compliance math
 * use. The database keeps blanks as null; the compliance module wants '' for blank text.
 */
import dayjs from 'dayjs';
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import {
  describeSchedule,
  effectiveClause,
  makeupClauseSchema,
  termScheduleSchema,
  type Delivery,
  type DeliveryStatus,
  type MakeupClause,
  type Term,
  type TermSchedule,
} from '@shared/compliance';
import type { AgreementRecord, DeliveryRecord, TermRecord } from '@shared/domain/agreements';
import { agreementsTable, agreementTermsTable, deliveriesTable, documentsTable } from '../../db/schema';
import type { AgreementRow, AgreementTermRow, DeliveryRow } from '../../db/schema';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';

/** Today as the advocate's calendar date (local time), the default `asOf` of every figure. */
export function todayOf(ctx: ServiceContext): string {
  return dayjs(ctx.now()).format('YYYY-MM-DD');
}

export function toAgreementRecord(row: AgreementRow): AgreementRecord {
  return row as AgreementRecord;
}

/**
 * The schedule read back from its JSON column. A row written by hand-made SQL that no longer
 * parses is a damaged record, not a user error.
 */
export function parseStoredSchedule(row: Pick<AgreementTermRow, 'id' | 'schedule'>): TermSchedule {
  const parsed = termScheduleSchema.safeParse(row.schedule);
  if (!parsed.success) throw new Error(`Term ${row.id} has a schedule that does not parse`);
  return parsed.data;
}

/** The make-up clause read back from its JSON column (text or already parsed); null when absent or unreadable. */
export function parseStoredClause(stored: unknown): MakeupClause | null {
  if (stored === null || stored === undefined) return null;
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  const parsed = makeupClauseSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toTermRecord(row: AgreementTermRow): TermRecord {
  const schedule = parseStoredSchedule(row);
  return {
    id: row.id,
    agreementId: row.agreementId,
    category: row.category as TermRecord['category'],
    description: row.description,
    schedule,
    scheduleText: describeSchedule(schedule),
    amount: row.amount,
    unit: row.unit,
    period: row.period,
    provider: row.provider,
    location: row.location,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    makeupRule: row.makeupRule,
    makeupDeadline: row.makeupDeadline,
    makeupClause: effectiveClause({ makeupClause: parseStoredClause(row.makeupClause), makeupDeadline: row.makeupDeadline }),
    reviewDates: row.reviewDates,
    goal: row.goal,
  };
}

/**
 * The compliance module's term. A row without a start date (only possible from data written
 * outside the API) counts from the agreement's signing, else from `fallbackStart`.
 */
export function toComplianceTerm(
  row: AgreementTermRow,
  signedOn: string | null,
  fallbackStart: string,
  schedule: TermSchedule = parseStoredSchedule(row),
): Term {
  return {
    id: row.id,
    category: row.category as Term['category'],
    description: row.description,
    schedule,
    provider: row.provider ?? '',
    location: row.location ?? '',
    startsOn: row.startsOn ?? signedOn ?? fallbackStart,
    endsOn: row.endsOn,
    makeupRule: row.makeupRule ?? '',
    makeupDeadline: row.makeupDeadline,
    makeupClause: parseStoredClause(row.makeupClause),
    reviewDates: row.reviewDates,
    goal: row.goal ?? '',
  };
}

export function toDeliveryRecord(row: DeliveryRow): DeliveryRecord {
  return row as DeliveryRecord;
}

export function toComplianceDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    termId: row.termId,
    deliveredOn: row.deliveredOn,
    minutes: row.minutes,
    count: row.count,
    status: row.status as DeliveryStatus,
    provider: row.provider ?? '',
    note: row.note ?? '',
    evidenceDocumentId: row.evidenceDocumentId,
    replacesDeliveryId: row.replacesDeliveryId,
  };
}

export interface AgreementOwner {
  agreement: AgreementRow;
  caseId: number;
  familyId: number;
}

export function ownerOfAgreement(ctx: ServiceContext, agreementId: number): AgreementOwner {
  const agreement = ctx.db.orm.select().from(agreementsTable).where(eq(agreementsTable.id, agreementId)).get();
  if (!agreement) throw new AppError('NOT_FOUND', 'That agreement no longer exists.');
  return { agreement, caseId: agreement.caseId, familyId: familyOfCase(ctx, agreement.caseId) };
}

export interface TermOwner extends AgreementOwner {
  term: AgreementTermRow;
}

export function ownerOfTerm(ctx: ServiceContext, termId: number): TermOwner {
  const term = ctx.db.orm.select().from(agreementTermsTable).where(eq(agreementTermsTable.id, termId)).get();
  if (!term) throw new AppError('NOT_FOUND', 'That term no longer exists.');
  return { ...ownerOfAgreement(ctx, term.agreementId), term };
}

export function ownerOfDelivery(ctx: ServiceContext, deliveryId: number): TermOwner & { delivery: DeliveryRow } {
  const delivery = ctx.db.orm.select().from(deliveriesTable).where(eq(deliveriesTable.id, deliveryId)).get();
  if (!delivery) throw new AppError('NOT_FOUND', 'That log entry no longer exists.');
  return { ...ownerOfTerm(ctx, delivery.termId), delivery };
}

/**
 * A source or evidence document must be one of the same case's documents: a letter quoting
 * evidence from another family's file would be a confidentiality breach.
 */
export function assertDocumentOfCase(ctx: ServiceContext, documentId: number | null, caseId: number, field: string): void {
  if (documentId === null) return;
  const document = ctx.db.orm.select({ caseId: documentsTable.caseId }).from(documentsTable).where(eq(documentsTable.id, documentId)).get();
  if (!document || document.caseId !== caseId) {
    throw new AppError('VALIDATION', "That document is not in this case's file.", { [field]: "Choose one of this case's documents" });
  }
}
