import { recordAudit } from '../services/audit/audit-service';
import type { ServiceContext } from '../services/context';
import { isoOf } from './demo-dates';
import { createDirectory } from './demo-directory';
import { seedFamily } from './demo-family';
import { seedDemoMeetings, type DemoMeetingCounts } from './demo-meetings';
import { seedDemoCalendars } from './demo-calendars';
import { seedDemoDocuments } from './demo-documents';
import { seedDemoEscalation } from './demo-escalation';
import { seedDemoProgress, type DemoProgressCounts } from './demo-progress';
import { DemoWriter, type DemoCounts as WriterCounts } from './demo-writer';
import { SeededRandom } from './random';

export interface DemoOptions {
  families: number;
  seed: number;
  /** The demo's "today": every date in it falls in the ~18 months before this day. */
  today: Date;
}

export type DemoCounts = WriterCounts & DemoMeetingCounts & { documents: number } & DemoProgressCounts;

/** A second stream for what was added to the demo later, so earlier seeds keep their families. */
const MEETINGS_STREAM = 7_919;
/** And a third for the generated documents (issue 15), so the meetings keep theirs. */
const DOCUMENTS_STREAM = 104_729;
/** And one for stage history, meeting items and the escalation showcases (issue 17). */
const ESCALATION_STREAM = 15_485_863;
/** And a fourth for goals, consents and trials (issue 17). */
const PROGRESS_STREAM = 130_363;

/**
 * Fills the open vault with a synthetic caseload: districts in TX, IL, CA and MD plus one under
 * federal rules only, their staff, evaluators, mediators and attorneys, and `families` invented
 * families whose cases sit at every stage of the escalation ladder, each with a 20-60 entry
 * timeline, and the IEE requests, agreements and implementation logs their stage implies; then
 * meetings (with decisions, and worksheets for upcoming ones) and time entries on the cases.
 *
 * The same seed and `today` give the same caseload. Everything is written in one transaction
 * with prepared statements, and the import leaves one audit row (counts only, no names).
 */
export function seedDemoCaseload(ctx: ServiceContext, options: DemoOptions): DemoCounts {
  if (!Number.isInteger(options.families) || options.families < 1) {
    throw new RangeError('The demo needs a whole number of families, at least 1.');
  }
  const rng = new SeededRandom(options.seed);
  const today = isoOf(options.today);
  const stamp = ctx.now().toISOString();
  return ctx.db.sqlite.transaction(() => {
    const writer = new DemoWriter(ctx.db.sqlite, stamp);
    const directory = createDirectory(writer, rng);
    seedDemoCalendars(
      ctx.db.sqlite,
      directory.districts.map((district) => district.id),
      today,
      stamp,
    );
    for (let i = 0; i < options.families; i++) seedFamily(writer, directory, rng, today);
    const meetingCounts = seedDemoMeetings(ctx.db.sqlite, new SeededRandom(options.seed * MEETINGS_STREAM + 1), today, stamp);
    const documents = seedDemoDocuments(ctx.db.sqlite, new SeededRandom(options.seed * DOCUMENTS_STREAM + 3), stamp);
    const escalation = seedDemoEscalation(ctx, new SeededRandom(options.seed * ESCALATION_STREAM + 5), today, stamp);
    const progressCounts = seedDemoProgress(ctx.db.sqlite, new SeededRandom(options.seed * PROGRESS_STREAM + 5), today, stamp);
    // Every event, the meetings' own timeline facts included.
    const counts: DemoCounts = {
      ...writer.counts,
      ...meetingCounts,
      documents,
      ...progressCounts,
      events: writer.counts.events + meetingCounts.meetingFacts + escalation.events,
    };
    recordAudit(
      ctx.db,
      {
        action: 'create',
        entity: 'demo_caseload',
        entityId: null,
        familyId: null,
        detail: JSON.stringify({ seed: options.seed, today, ...counts }),
      },
      ctx.now(),
    );
    return counts;
  })();
}
