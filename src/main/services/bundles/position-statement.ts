/**
 * The binder's one-page position statement, built from the meeting-prep worksheet: for each issue
 * the family's position, the interests behind it, what it asks for and the data that supports it.
 * The family's bottom line ("minimum acceptable") and what it "can compromise" on are private
 * negotiation plans: they are never read here, so they cannot reach a page the district sees.
 * Questions and the district's position are for the advocate's own preparation and stay out too.
 */
import { asc, eq } from 'drizzle-orm';
import { preparationWorksheet } from '@shared/domain/meetings';
import { formatDate } from '@shared/format';
import { meetingsTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { CaseFacts } from '../cases/case-loader';

const MEETING_WORDS: Record<string, string> = {
  iep_meeting: 'IEP meeting',
  resolution_session: 'resolution session',
  mediation: 'mediation session',
};

export function positionStatementText(ctx: ServiceContext, facts: CaseFacts, asOf: string): string {
  const meetings = ctx.db.orm
    .select({ type: meetingsTable.type, heldAt: meetingsTable.heldAt, preparation: meetingsTable.preparation })
    .from(meetingsTable)
    .where(eq(meetingsTable.caseId, facts.caseRecord.id))
    .orderBy(asc(meetingsTable.heldAt), asc(meetingsTable.id))
    .all()
    .map((meeting) => ({ ...meeting, worksheet: preparationWorksheet.safeParse(meeting.preparation ?? {}) }))
    .filter((meeting) => meeting.worksheet.success && meeting.worksheet.data.issues.length > 0);
  // The next prepared meeting, else the last one prepared.
  const meeting = meetings.find((candidate) => candidate.heldAt.slice(0, 10) >= asOf) ?? meetings.at(-1);
  if (!meeting || !meeting.worksheet.success) return '';
  const family = facts.family.name;
  const lines: string[] = [`# Position of the ${family.replace(/\s+family$/i, '')} family`];
  lines.push(`Prepared for the ${MEETING_WORDS[meeting.type] ?? 'meeting'} on ${formatDate(meeting.heldAt.slice(0, 10), 'long')}.`);
  meeting.worksheet.data.issues.forEach((issue, position) => {
    lines.push('', `# ${position + 1}. ${issue.issue}`);
    if (issue.familyPosition) lines.push(`The family's position: ${issue.familyPosition}`);
    if (issue.familyInterests) lines.push(`Why it matters: ${issue.familyInterests}`);
    if (issue.nonNegotiables.length > 0) lines.push(`The family asks for: ${issue.nonNegotiables.join('; ')}.`);
    if (issue.supportingData.length > 0) lines.push(`Supporting records: ${issue.supportingData.join('; ')}.`);
  });
  return lines.join('\n');
}
