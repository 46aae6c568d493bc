/** The parent concern statement drafted from the preparation worksheet. */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { ParentConcernsDraft, PreparationIssue, PreparationWorksheet } from '@shared/domain/meetings';
import { meetingsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { getMeetingRecord, meetingRow } from './meeting-records';

/** One line: the concern letter reads each line of the statement as one numbered concern. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function sentence(text: string): string {
  const line = oneLine(text);
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

/**
 * One concern per worksheet issue: the family's position, why it matters (interests) and the data
 * behind it. Deliberately left out: the minimum acceptable outcome, what the family can
 * compromise on, its non-negotiables and the district's expected position. They are the family's
 * negotiating strategy; a statement that goes into the IEP record (34 CFR 300.324(a)(1)(ii))
 * must never reveal the bottom line.
 */
export function concernLine(issue: PreparationIssue): string {
  const parts = [issue.familyPosition ? `${oneLine(issue.issue)}: ${sentence(issue.familyPosition)}` : sentence(issue.issue)];
  if (issue.familyInterests) parts.push(`Why this matters: ${sentence(issue.familyInterests)}`);
  if (issue.supportingData.length > 0) parts.push(`The data: ${sentence(issue.supportingData.map(oneLine).join('; '))}`);
  return parts.join(' ');
}

export function draftConcerns(worksheet: PreparationWorksheet): string {
  return worksheet.issues.map(concernLine).join('\n');
}

export function draftParentConcerns(ctx: ServiceContext, input: ParsedInput<'meetings.draftParentConcerns'>): ParentConcernsDraft {
  return ctx.db.sqlite.transaction(() => {
    const meeting = getMeetingRecord(ctx, input.id);
    if (!meeting.preparation || meeting.preparation.issues.length === 0) {
      throw new AppError('VALIDATION', 'Add at least one issue to the preparation worksheet first.', { preparation: 'No issues yet' });
    }
    const text = draftConcerns(meeting.preparation);
    const hasStatement = Boolean(meetingRow(ctx, input.id).parentConcerns?.trim());
    if (hasStatement && !input.overwrite) return { text, isSaved: false, meeting };
    ctx.db.orm.update(meetingsTable).set({ parentConcerns: text, updatedAt: ctx.now().toISOString() }).where(eq(meetingsTable.id, input.id)).run();
    recordAudit(
      ctx.db,
      { action: 'update', entity: 'meeting', entityId: input.id, familyId: familyOfCase(ctx, meeting.caseId), detail: 'parent_concerns_drafted' },
      ctx.now(),
    );
    return { text, isSaved: true, meeting: getMeetingRecord(ctx, input.id) };
  })();
}
