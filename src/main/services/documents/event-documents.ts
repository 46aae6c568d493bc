import { eq, inArray } from 'drizzle-orm';
import { documentEventsTable, documentsTable } from '../../db/schema';
import type { ServiceContext } from '../context';

/** One document linked to a timeline event: what a chronology row or a statement of facts cites. */
export interface EventDocumentLink {
  eventId: number;
  documentId: number;
  title: string;
  documentDate: string | null;
  /** The page of the document that shows the fact, when the link gives one (a pin cite). */
  page: number | null;
}

/**
 * The documents linked to each of these events, grouped by event (in link order). One query for
 * the binder's chronology and the state complaint's facts, so both cite the same sources.
 */
export function linkedDocumentsOfEvents(ctx: ServiceContext, eventIds: readonly number[]): Map<number, EventDocumentLink[]> {
  const byEvent = new Map<number, EventDocumentLink[]>();
  if (eventIds.length === 0) return byEvent;
  const links = ctx.db.orm
    .select({
      eventId: documentEventsTable.eventId,
      documentId: documentsTable.id,
      title: documentsTable.title,
      documentDate: documentsTable.documentDate,
      page: documentEventsTable.page,
    })
    .from(documentEventsTable)
    .innerJoin(documentsTable, eq(documentsTable.id, documentEventsTable.documentId))
    .where(inArray(documentEventsTable.eventId, [...eventIds]))
    .all();
  for (const link of links) byEvent.set(link.eventId, [...(byEvent.get(link.eventId) ?? []), link]);
  return byEvent;
}
