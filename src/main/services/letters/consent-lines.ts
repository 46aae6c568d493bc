/** What the follow-up letter says about the family's consent to what the district proposed at the meeting. */
import type { ConsentDecision } from '@shared/consents/consent-rules';
import { consentRowsOf, toConsentRecord } from '../consents';
import { getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { formatLongDate } from '../../pdf/format';

/**
 * The proposals presented at the meeting (linked to it, or unlinked and presented on its date),
 * each with the family's answer in the family's words. A partial consent names both parts and
 * asks that the consented parts be implemented: a refusal of one service may not be used to deny
 * another (34 CFR 300.300(d)(3)), and a state rule says so where the preset has one.
 */
export function consentLetterLines(ctx: ServiceContext, caseId: number, meetingId: number, meetingDate: string): string[] {
  const jurisdiction = getCaseRow(ctx, caseId).jurisdiction;
  const rows = consentRowsOf(ctx, caseId).filter((row) => row.meetingId === meetingId || (row.meetingId === null && row.presentedOn === meetingDate));
  if (rows.length === 0) return [];
  const lines = rows.map((row) => {
    const record = toConsentRecord(row, jurisdiction);
    const on = record.decidedOn ? ` on ${formatLongDate(record.decidedOn)}` : '';
    switch (record.decision as ConsentDecision) {
      case 'full':
        return `• ${record.proposal}: the family consented in full${on}.`;
      case 'partial':
        return (
          `• ${record.proposal}: partial consent${on}. The family consents to ${record.consentedParts ?? ''} and does not consent to ${record.withheldParts ?? ''}. ` +
          `Please implement the parts the family consented to; a refusal of one part may not be used to deny another (34 CFR 300.300(d)(3)` +
          `${record.partialConsentRule ? `; ${record.partialConsentRule.citation}` : ''}).`
        );
      case 'refused':
        return `• ${record.proposal}: the family does not consent${on}.`;
      default:
        return record.takenHomeOn
          ? `• ${record.proposal}: the family took it home on ${formatLongDate(record.takenHomeOn)} to review and has not yet answered.`
          : `• ${record.proposal}: the family has not yet answered.`;
    }
  });
  const disagreement = rows.some((row) => row.disagreementAttachedOn) ? ['A parent statement of disagreement is attached to the IEP.'] : [];
  return ['Consent:', ...lines, ...disagreement];
}
