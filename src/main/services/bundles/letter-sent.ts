/**
 * "Mark as sent": exporting a letter only makes files; sending it is the act the timeline records
 * and the act that starts the clocks the letter starts. One event per letter document, ever.
 */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import { LETTER_SEND_METHOD_LABELS, type LetterKindId } from '@shared/domain/documents';
import type { EventType } from '@shared/domain/vocabulary';
import { LETTER_TEMPLATES } from '../../pdf';
import { formatLongDate } from '../../pdf/format';
import { documentEventsTable, documentsTable, eventsTable, ieeRequestsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { defaultSilenceThreshold } from '../iee/iee-service';
import { caseDeadlinesAt } from '../deadlines/deadlines-service';

/** The fact each letter is on the timeline: a records or IEE request starts its rule's clock. */
const SENT_EVENT_TYPE: Partial<Record<LetterKindId, EventType>> = {
  records_request: 'records_request',
  iee_request: 'iee_request',
};

export function markLetterSent(
  ctx: ServiceContext,
  input: ParsedInput<'letters.markSent'>,
): { eventId: number; ieeRequestId: number | null; started: string[] } {
  const template = LETTER_TEMPLATES[input.kind];
  const result = ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const document = ctx.db.orm.select().from(documentsTable).where(eq(documentsTable.id, input.documentId)).get();
    if (!document || document.caseId !== input.caseId) throw new AppError('NOT_FOUND', 'That letter is not one of this case’s documents.');
    if (document.letterKind !== null && document.letterKind !== input.kind) {
      throw new AppError(
        'VALIDATION',
        `That document is a ${LETTER_TEMPLATES[document.letterKind as LetterKindId]?.title ?? 'different letter'}, not a ${template.title}.`,
      );
    }
    // Marked from the Documents tab, after the editor closed: the request the export kept.
    const ieeRequest = input.ieeRequest ?? document.letterIeeRequest ?? undefined;
    const linked = ctx.db.orm
      .select({ occurredOn: eventsTable.occurredOn })
      .from(documentEventsTable)
      .innerJoin(eventsTable, eq(eventsTable.id, documentEventsTable.eventId))
      .where(eq(documentEventsTable.documentId, input.documentId))
      .get();
    if (linked) throw new AppError('CONFLICT', `This letter was already marked as sent on ${formatLongDate(linked.occurredOn)}.`);
    if (input.sentOn < (document.documentDate ?? input.sentOn)) {
      throw new AppError('VALIDATION', 'A letter cannot be sent before the date it carries.', {
        sentOn: `On or after ${formatLongDate(document.documentDate!)}`,
      });
    }

    const how = LETTER_SEND_METHOD_LABELS[input.method];
    const event = ctx.db.orm
      .insert(eventsTable)
      .values({
        caseId: input.caseId,
        occurredOn: input.sentOn,
        type: SENT_EVENT_TYPE[input.kind] ?? 'letter',
        isKindConfirmed: true,
        title: `${template.title} sent to ${input.to}`.slice(0, 300),
        details: `Sent by ${how.toLowerCase()} on ${formatLongDate(input.sentOn)}: “${document.title}”.`,
        people: input.to,
      })
      .returning({ id: eventsTable.id })
      .get();
    ctx.db.orm.insert(documentEventsTable).values({ documentId: input.documentId, eventId: event.id }).run();
    const now = ctx.now();
    recordAudit(ctx.db, { action: 'create', entity: 'event', entityId: event.id, familyId, detail: `letter_sent=${input.kind}` }, now);

    let ieeRequestId: number | null = null;
    if (input.kind === 'iee_request') {
      const existing = ctx.db.orm.select({ id: ieeRequestsTable.id }).from(ieeRequestsTable).where(eq(ieeRequestsTable.caseId, input.caseId)).get();
      if (!existing) {
        if (!ieeRequest) {
          throw new AppError('VALIDATION', 'Name the disputed evaluation so the IEE request can be tracked.', {
            'ieeRequest.disputedEvaluation': 'Which district evaluation the parents disagree with',
          });
        }
        const row = ctx.db.orm
          .insert(ieeRequestsTable)
          .values({
            caseId: input.caseId,
            disputedEvaluation: ieeRequest.disputedEvaluation,
            disputedEvaluationOn: ieeRequest.disputedEvaluationOn ?? null,
            areas: ieeRequest.areas,
            requestedOn: input.sentOn,
            districtResponse: 'none_yet',
            silenceThresholdBusinessDays: defaultSilenceThreshold(ctx),
          })
          .returning({ id: ieeRequestsTable.id })
          .get();
        ieeRequestId = row.id;
        recordAudit(ctx.db, { action: 'create', entity: 'iee_request', entityId: row.id, familyId }, now);
      }
    }
    return { eventId: event.id, ieeRequestId };
  })();

  // Say which clocks are now running, as the deadlines tab computes them.
  const started: string[] = [];
  if (SENT_EVENT_TYPE[input.kind]) {
    const items = caseDeadlinesAt(ctx, input.caseId, input.sentOn).items.filter((item) => item.key.endsWith(`:event:${result.eventId}`) && item.dueDate);
    for (const item of items) started.push(`${item.title}: due ${formatLongDate(item.dueDate!)}`);
  }
  if (result.ieeRequestId !== null) started.push(`IEE request tracked from ${formatLongDate(input.sentOn)}`);
  return { ...result, started };
}
