/**
 * Dates of a case's meetings, which satisfy an agreement's review dates (34 CFR 300.324(b): the IEP
 * team reviews the IEP; agreements add their own review dates). Both the meetings the advocate
 * prepared in the app and meetings only logged on the timeline count: any meeting with the
 * district where the agreement could be reviewed. The explanation names the review date, so the
 * advocate can see which meeting (if any) was taken to meet it.
 */
import type { ServiceContext } from '../context';

const MEETING_EVENT_TYPES = ['iep_meeting', 'meeting', 'mediation', 'resolution_meeting'] as const;

const MEETING_DATES_SQL = `
  SELECT case_id AS caseId, substr(held_at, 1, 10) AS day FROM meetings %WHERE%
  UNION
  SELECT case_id AS caseId, occurred_on AS day FROM events
   WHERE type IN (${MEETING_EVENT_TYPES.map((type) => `'${type}'`).join(', ')}) %AND%
  ORDER BY day`;

/** One case's meeting dates, ascending, each once. */
export function loadMeetingDatesForCase(ctx: ServiceContext, caseId: number): string[] {
  const sql = MEETING_DATES_SQL.replace('%WHERE%', 'WHERE case_id = ?').replace('%AND%', 'AND case_id = ?');
  const rows = ctx.db.sqlite.prepare(sql).all(caseId, caseId) as { day: string }[];
  return rows.map((row) => row.day);
}

/** Every case's meeting dates in one query, for the caseload-wide list. */
export function loadMeetingDatesByCase(ctx: ServiceContext): Map<number, string[]> {
  const sql = MEETING_DATES_SQL.replace('%WHERE%', '').replace('%AND%', '');
  const byCase = new Map<number, string[]>();
  for (const row of ctx.db.sqlite.prepare(sql).all() as { caseId: number; day: string }[]) {
    const days = byCase.get(row.caseId);
    if (days) days.push(row.day);
    else byCase.set(row.caseId, [row.day]);
  }
  return byCase;
}
