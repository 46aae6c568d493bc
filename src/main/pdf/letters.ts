import dayjs from 'dayjs';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import { isoDateSchema } from './binder-model';
import { termFigures } from './compliance-figures';
import { formatMinutes } from '@shared/format';
import { formatAmount, formatLongDate, joinNames } from './format';
import {
  daysAfter,
  introduction,
  letterBaseSchema,
  numbered,
  parentsOf,
  possessive,
  requester,
  verbFor,
  type BuiltLetter,
  type LetterTemplate,
} from './letter-common';

export { renderLetterPdf, type LetterPdfInput } from './letter-pdf';
export type { BuiltLetter, LetterBase, LetterTemplate } from './letter-common';

const item = z.string().trim().min(1).max(2_000);
/** Optional "please answer by" period the advocate chooses; federal law sets none for most letters. */
const replyDays = z.number().int().min(1).max(90).optional();

function replyBy(date: string, days: number | undefined): string[] {
  return days ? [`Please respond in writing by ${formatLongDate(daysAfter(date, days))}.`] : [];
}

export const ieeRequestSchema = letterBaseSchema.extend({
  disputedEvaluation: z.object({ title: item, date: isoDateSchema, evaluator: item.optional() }),
  areas: z.array(item).min(1),
  replyDays,
  /**
   * The district already answered the request with a refusal without filing for due process: the
   * letter becomes a response to that refusal (300.502(b)(2) leaves the district only two choices).
   */
  refusal: z.object({ requestedOn: isoDateSchema, refusedOn: isoDateSchema, reason: z.string().trim().max(2_000).optional() }).optional(),
});

/**
 * IEE at public expense, 34 CFR 300.502(b): after the parent disagrees with a district evaluation,
 * the district must, without unnecessary delay, either ensure the IEE is provided at public expense
 * or file for due process to show its evaluation is appropriate. It may ask why, but may not
 * require an explanation or delay (300.502(b)(4)); it must give its IEE criteria (300.502(a)(2)).
 * A refusal that does neither is not one of the two choices the regulation leaves the district.
 */
export const ieeRequest: LetterTemplate<typeof ieeRequestSchema> = {
  id: 'iee_request',
  title: 'Request for an independent educational evaluation',
  citation: '34 CFR 300.502(b)',
  schema: ieeRequestSchema,
  build(data) {
    const evaluation = data.disputedEvaluation;
    const by = evaluation.evaluator ? ` conducted by ${evaluation.evaluator}` : '';
    const areas = `${data.areas.length === 1 ? 'area' : 'areas'}: ${joinNames(data.areas)}`;
    if (data.refusal) {
      const refusal = data.refusal;
      return {
        subject: `Response to the district's refusal of an independent educational evaluation for ${data.studentName}`,
        paragraphs: [
          introduction(data),
          `On ${formatLongDate(refusal.requestedOn)}, ${parentsOf(data)} requested an independent educational evaluation (IEE) at public expense, disagreeing with the district's ${evaluation.title}${by}, dated ${formatLongDate(evaluation.date)}, in the following ${areas}. On ${formatLongDate(refusal.refusedOn)} the district refused${refusal.reason ? `, stating: "${refusal.reason}"` : ''}.`,
          'A refusal is not a response the regulation allows. Under 34 CFR 300.502(b)(2), when a parent requests an IEE at public expense the district must, without unnecessary delay, either (i) file a due process complaint to request a hearing to show that its evaluation is appropriate, or (ii) ensure that the IEE is provided at public expense, unless it shows at a hearing that the evaluation the parent obtained does not meet its criteria.',
          `${parentsOf(data)} ${verbFor(data, 'renews', 'renew')} the request. Please either confirm in writing that the district will fund the IEE, with its criteria for independent evaluators (34 CFR 300.502(a)(2) and (e)), or file for due process. If the district does neither, it remains in violation of 34 CFR 300.502(b)(2), and the family may file a state complaint (34 CFR 300.153) or request a due process hearing.`,
          'The district may ask the reason for the disagreement, but an explanation is not required, and the district may not unreasonably delay either choice (34 CFR 300.502(b)(4)).',
          ...replyBy(data.date, data.replyDays),
        ],
        warnings: [],
      };
    }
    return {
      subject: `Request for an independent educational evaluation at public expense for ${data.studentName}`,
      paragraphs: [
        introduction(data),
        `${parentsOf(data)} ${verbFor(data, 'disagrees', 'disagree')} with the district's ${evaluation.title}${by}, dated ${formatLongDate(evaluation.date)}. Under 34 CFR 300.502(b)(1), ${requester(data) === 'I' ? 'I request' : `${data.parentNames.length === 1 ? 'the parent requests' : 'they request'}`} an independent educational evaluation (IEE) at public expense in the following ${areas}.`,
        'Under 34 CFR 300.502(b)(2), the district must, without unnecessary delay, either ensure that the independent educational evaluation is provided at public expense or file a due process complaint to request a hearing to show that its evaluation is appropriate.',
        "Please send the district's criteria for independent educational evaluations, including any requirements for the location of the evaluation and the qualifications of the examiner, and information about where an IEE may be obtained (34 CFR 300.502(a)(2) and (e)).",
        'The district may ask the reason for this disagreement, but an explanation is not required, and the district may not unreasonably delay providing the IEE or filing for due process (34 CFR 300.502(b)(4)).',
        'Once the evaluation is complete, please schedule an IEP meeting to consider its results, as 34 CFR 300.502(c)(1) requires.',
        ...replyBy(data.date, data.replyDays),
      ],
      warnings: [],
    };
  },
};

/** Federal ceiling for access to records; a state may set a shorter period (34 CFR 300.613(a)). */
export const RECORDS_ACCESS_DAYS = 45;

export const DEFAULT_RECORDS = [
  'the cumulative file and the special education (confidential) file',
  'all evaluations, assessment reports, test protocols and score summaries',
  'all IEPs, drafts shared with the family, and prior written notices',
  'progress reports, report cards, service logs and attendance records',
  'discipline and incident records',
  'emails and other communications about the student kept by the district',
];

export const recordsRequestSchema = letterBaseSchema.extend({
  records: z.array(item).default(DEFAULT_RECORDS),
  /** A scheduled IEP meeting, hearing or resolution session: records are due before it. */
  nextMeetingDate: isoDateSchema.optional(),
  /** State rule, when shorter than the federal 45 days (calendar days; `accessPeriod` supersedes it). */
  accessDays: z.number().int().min(1).max(RECORDS_ACCESS_DAYS).default(RECORDS_ACCESS_DAYS),
  /**
   * The case's own records rule as the deadlines tab shows it (rulePeriod: '5 business days',
   * 'Cal. Educ. Code 56504'), with the due date the engine computed for a request sent today.
   */
  accessPeriod: z
    .object({
      amount: z.number().int().min(1).max(400),
      unit: z.enum(['calendar_days', 'business_days', 'school_days', 'years']),
      text: z.string().min(1).max(60),
      citation: z.string().min(1).max(200),
      dueDate: isoDateSchema,
    })
    .optional(),
});

/**
 * Records access, 34 CFR 300.613(a): without unnecessary delay, before any IEP meeting, hearing or
 * resolution session, and in no case more than 45 days after the request; copies when needed to
 * exercise the right (300.613(b)(2)); the list of record types and locations (300.616).
 */
export const recordsRequest: LetterTemplate<typeof recordsRequestSchema> = {
  id: 'records_request',
  title: 'Request to inspect and review education records',
  citation: '34 CFR 300.613',
  schema: recordsRequestSchema,
  build(data) {
    const period = data.accessPeriod;
    const deadline = period ? period.dueDate : daysAfter(data.date, data.accessDays);
    const isMeetingFirst = data.nextMeetingDate !== undefined && dayjs(data.nextMeetingDate).isBefore(deadline);
    const isFederal = period ? period.citation === '34 CFR 300.613(a)' && period.text === '45 days' : data.accessDays === RECORDS_ACCESS_DAYS;
    // The state's own period, in its own unit, is the limit the district answers to; the federal
    // 45 days is only the ceiling behind it.
    const limit = period
      ? isFederal
        ? 'in no case more than 45 days after the request (34 CFR 300.613(a))'
        : `in no case more than ${period.text} after the request under ${period.citation} (the federal ceiling in 34 CFR 300.613(a) is 45 days)`
      : isFederal
        ? 'in no case more than 45 days after the request (34 CFR 300.613(a))'
        : `in no case more than ${data.accessDays} days after the request under the state's rule (the federal ceiling in 34 CFR 300.613(a) is 45 days)`;
    return {
      subject: `Request for education records of ${data.studentName} (34 CFR 300.613)`,
      paragraphs: [
        introduction(data),
        `Under 34 CFR 300.613, ${requester(data) === 'I' ? 'I request' : `${parentsOf(data)} ${verbFor(data, 'requests', 'request')}`} to inspect and review all education records relating to ${data.studentName} that are collected, maintained or used by ${data.districtName}, including:`,
        ...data.records.map((record) => `• ${record}`),
        `The district must comply without unnecessary delay and before any meeting regarding an IEP, any due process hearing or resolution session, and ${limit}. Counted from the date of this letter, the records must be available no later than ${formatLongDate(deadline)}.`,
        ...(isMeetingFirst && data.nextMeetingDate
          ? [`Because a meeting is scheduled for ${formatLongDate(data.nextMeetingDate)}, please make the records available before that meeting.`]
          : []),
        'Please provide copies of the records: inspecting them in person only would effectively prevent a full review before the meeting (34 CFR 300.613(b)(2)). Please also provide a list of the types and locations of education records collected, maintained or used by the district (34 CFR 300.616), and respond to reasonable requests for explanations of the records (34 CFR 300.613(b)(1)).',
      ],
      warnings: [],
    };
  },
};

export const parentConcernSchema = letterBaseSchema.extend({
  meetingDate: isoDateSchema,
  meetingType: z.string().trim().min(1).max(120).default('IEP meeting'),
  strengths: z.array(item).default([]),
  concerns: z.array(item).min(1),
  requests: z.array(item).default([]),
});

/**
 * Parent concern statement: the IEP team must consider the parents' concerns for enhancing their
 * child's education (34 CFR 300.324(a)(1)(ii)); parents are members of the team (300.321(a)(1)).
 */
export const parentConcernStatement: LetterTemplate<typeof parentConcernSchema> = {
  id: 'parent_concern_statement',
  title: 'Parent concern statement',
  citation: '34 CFR 300.324(a)(1)(ii)',
  schema: parentConcernSchema,
  build(data) {
    return {
      subject: `Parent concerns for ${possessive(data.studentName)} ${data.meetingType} on ${formatLongDate(data.meetingDate)}`,
      paragraphs: [
        introduction(data),
        `Before the ${data.meetingType} on ${formatLongDate(data.meetingDate)}, ${parentsOf(data)} ${verbFor(data, 'submits', 'submit')} this statement of concerns. The IEP team must consider the concerns of the parents for enhancing their child's education (34 CFR 300.324(a)(1)(ii)). Please include this statement in full in the parent concerns section of the IEP and attach it to the meeting notes.`,
        ...(data.strengths.length > 0 ? [`${possessive(data.studentName)} strengths:`, ...data.strengths.map((strength) => `• ${strength}`)] : []),
        'Concerns:',
        ...numbered(data.concerns),
        ...(data.requests.length > 0 ? ['Requests for the team to discuss:', ...numbered(data.requests)] : []),
      ],
      warnings: [],
    };
  },
};

export const meetingFollowUpSchema = letterBaseSchema
  .extend({
    meetingDate: isoDateSchema,
    meetingType: z.string().trim().min(1).max(120).default('IEP meeting'),
    attendees: z.array(item).default([]),
    decisions: z.array(item).default([]),
    openItems: z.array(z.object({ item, owner: item, dueDate: isoDateSchema.optional() })).default([]),
    /** What the district refused, what was tabled and what was promised aloud (issue 17): each needs writing. */
    refusals: z.array(z.object({ item, who: item.optional() })).default([]),
    tabled: z.array(z.object({ item, who: item.optional() })).default([]),
    promises: z.array(z.object({ item, who: item.optional() })).default([]),
    /** Days the district has to correct the summary before the family relies on it. */
    correctionDays: z.number().int().min(1).max(60).default(10),
  })
  .refine((data) => data.decisions.length + data.refusals.length + data.tabled.length + data.promises.length > 0, {
    path: ['decisions'],
    message: 'Record at least one decision, refusal, tabled item or promise',
  });

function followUpLine(entry: { item: string; who?: string | undefined }): string {
  return entry.who ? `${entry.item} (${entry.who})` : entry.item;
}

/**
 * Meeting follow-up: puts decisions in writing, and asks for the prior written notice the district
 * owes for each proposal or refusal (34 CFR 300.503) and the copy of the IEP (300.322(f)).
 */
export const meetingFollowUp: LetterTemplate<typeof meetingFollowUpSchema> = {
  id: 'meeting_follow_up',
  title: 'Meeting follow-up summary',
  citation: '34 CFR 300.503',
  schema: meetingFollowUpSchema,
  build(data) {
    if (/mediation/i.test(data.meetingType)) {
      // 34 CFR 300.506(b)(8): discussions in mediation are confidential; a written summary of
      // them sent to the district would be exactly what the regulation keeps out of the record.
      throw new AppError(
        'VALIDATION',
        'A follow-up summary is not written for a mediation session: discussions in mediation are confidential (34 CFR 300.506(b)(8)). The signed agreement is the record.',
        {
          meetingType: 'Not for a mediation session (34 CFR 300.506(b)(8))',
        },
      );
    }
    const held = formatLongDate(data.meetingDate);
    return {
      subject: `Summary of the ${data.meetingType} for ${data.studentName} on ${held}`,
      paragraphs: [
        `Thank you for meeting on ${held} about ${data.studentName}. This letter confirms what was decided at the ${data.meetingType}.`,
        ...(data.attendees.length > 0 ? [`Present: ${joinNames(data.attendees)}.`] : []),
        ...(data.decisions.length > 0 ? ['Decisions:', ...numbered(data.decisions)] : []),
        ...(data.openItems.length > 0
          ? [
              'Follow-up actions:',
              ...numbered(data.openItems.map((open) => `${open.item} (${open.owner}${open.dueDate ? `, by ${formatLongDate(open.dueDate)}` : ''})`)),
            ]
          : []),
        ...(data.refusals.length > 0
          ? [
              'The district refused the following; please send prior written notice of each refusal with its reasons (34 CFR 300.503(a)(2), (b)):',
              ...numbered(data.refusals.map(followUpLine)),
            ]
          : []),
        ...(data.tabled.length > 0 ? ['Tabled for a later meeting:', ...numbered(data.tabled.map(followUpLine))] : []),
        ...(data.promises.length > 0
          ? ['Promised at the meeting, which we expect to see in the prior written notice or the revised IEP:', ...numbered(data.promises.map(followUpLine))]
          : []),
        'Please send prior written notice of each change the district proposed or refused at the meeting (34 CFR 300.503) and a copy of the IEP as revised (34 CFR 300.322(f)).',
        `If this summary differs from your understanding, please tell me in writing by ${formatLongDate(daysAfter(data.date, data.correctionDays))}; otherwise we will rely on it as an accurate record of the meeting.`,
      ],
      warnings: [],
    };
  },
};

/** Minutes read as hours and minutes ('350 h'), never '21000 minutes'; other units stay as counted. */
function amount(value: number, unit: string): string {
  return unit === 'minutes' ? formatMinutes(value) : `${formatAmount(value)} ${unit}`;
}

export const nonImplementationSchema = letterBaseSchema.extend({
  agreementKind: z.enum(['mediation agreement', 'resolution agreement', 'IEP']),
  agreementTitle: item,
  agreementDate: isoDateSchema,
  asOf: isoDateSchema,
  terms: z
    .array(z.object({ term: item, unit: z.string().trim().min(1).max(20), owed: z.number().nonnegative(), delivered: z.number().nonnegative() }))
    .default([]),
  remedies: z.array(item).default([]),
  replyDays: z.number().int().min(1).max(60).default(10),
});

/**
 * Non-implementation notice. A signed mediation agreement is enforceable in state or federal court
 * (34 CFR 300.506(b)(7)), as is a resolution agreement (300.510(d)); IEP services must be provided
 * as written (300.323(c)(2)). The state complaint process covers both and can order compensatory
 * services (300.151(b)(1), 300.153).
 */
export const nonImplementationNotice: LetterTemplate<typeof nonImplementationSchema> = {
  id: 'non_implementation_notice',
  title: 'Notice of non-implementation',
  citation: '34 CFR 300.506(b)(7); 300.323(c)(2)',
  schema: nonImplementationSchema,
  build(data) {
    const rows = data.terms.map((term) => ({ ...term, ...termFigures(term.owed, term.delivered) }));
    const short = rows.filter((row) => row.shortfall > 0);
    const signed = data.agreementKind === 'IEP' ? 'dated' : 'signed on';
    const isKindInTitle = data.agreementTitle.toLowerCase().includes(data.agreementKind.toLowerCase());
    const named = isKindInTitle ? data.agreementTitle : `${data.agreementTitle} (${data.agreementKind})`;
    const basis =
      data.agreementKind === 'mediation agreement'
        ? 'A signed mediation agreement is legally binding and enforceable in state or federal court (34 CFR 300.506(b)(7)).'
        : data.agreementKind === 'resolution agreement'
          ? 'A signed resolution agreement is legally binding and enforceable in state or federal court (34 CFR 300.510(d)).'
          : "The district must provide special education and related services in accordance with the student's IEP (34 CFR 300.323(c)(2)).";
    const remedies =
      data.remedies.length > 0
        ? data.remedies
        : ['provide every service as written, starting immediately', 'provide compensatory services equal to the shortfall listed above'];
    return {
      subject: `Notice of non-implementation: ${data.agreementTitle} for ${data.studentName}`,
      paragraphs: [
        introduction(data),
        `This letter gives notice that ${data.districtName} has not implemented the ${named} ${signed} ${formatLongDate(data.agreementDate)}. ${basis}`,
        ...(rows.length > 0 ? [`As of ${formatLongDate(data.asOf)}, the implementation record shows:`] : []),
        ...rows.map(
          (row) =>
            `• ${row.term}: owed ${amount(row.owed, row.unit)}, delivered ${amount(row.delivered, row.unit)}, shortfall ${amount(row.shortfall, row.unit)} (${row.compliancePercent.toFixed(1)}% delivered).`,
        ),
        `We ask that the district:`,
        ...numbered(remedies),
        `Please respond in writing by ${formatLongDate(daysAfter(data.date, data.replyDays))} with a schedule for these services. If the matter is not resolved, the family may file a state complaint (34 CFR 300.153) or seek enforcement of the agreement.`,
      ],
      warnings: short.length === 0 ? ['No term shows a shortfall as of this date; check the implementation log before sending.'] : [],
    };
  },
};

export const stateComplaintSchema = letterBaseSchema.extend({
  stateAgencyName: item,
  /** 'TEA': used in sentences once the full name has been given. */
  stateAgencyAbbreviation: z.string().trim().max(20).optional(),
  /** The state's own complaint rule, cited beside 34 CFR 300.153. */
  stateComplaintCitation: z.string().trim().max(200).optional(),
  studentAddress: item,
  /** The story in dated sentences, oldest first, each with its source (exhibit or document). */
  narrative: z.array(item).default([]),
  allegations: z
    .array(
      z.object({
        requirement: item,
        citation: item,
        facts: item,
        lastViolationDate: isoDateSchema,
        proposedResolution: z.string().trim().max(2_000).optional(),
      }),
    )
    .min(1),
  proposedResolutions: z.array(item).default([]),
});

/** A state complaint may only allege violations within one year of its receipt (34 CFR 300.153(c)). */
export const STATE_COMPLAINT_LOOKBACK_YEARS = 1;

/**
 * State complaint draft with the contents 34 CFR 300.153(b) requires: the violation, the facts,
 * the child's name, address and school, the problem, a proposed resolution, and a signature with
 * contact details; a copy goes to the district at the same time (300.153(d)). The facts read as a
 * narrative (what happened, when, and where it is shown), then each allegation names the
 * requirement, the facts that show it was not met, and the resolution proposed for it.
 */
export const stateComplaintDraft: LetterTemplate<typeof stateComplaintSchema> = {
  id: 'state_complaint_draft',
  title: 'State complaint (draft)',
  citation: '34 CFR 300.153',
  schema: stateComplaintSchema,
  build(data) {
    const earliest = dayjs(data.date).subtract(STATE_COMPLAINT_LOOKBACK_YEARS, 'year');
    const late = data.allegations.filter((allegation) => dayjs(allegation.lastViolationDate).isBefore(earliest, 'day'));
    const agency = data.stateAgencyAbbreviation ?? 'the agency';
    const stateRule = data.stateComplaintCitation ? ` and ${data.stateComplaintCitation}` : '';
    const perAllegation = data.allegations.flatMap((allegation) => (allegation.proposedResolution ? [allegation.proposedResolution] : []));
    const resolutions = [...perAllegation, ...data.proposedResolutions.filter((resolution) => !perAllegation.includes(resolution))];
    return {
      subject: `State complaint concerning ${data.studentName}, ${data.districtName}`,
      salutation: `To the ${data.stateAgencyName}:`,
      paragraphs: [
        `${requester(data) === 'I' ? 'I file' : `On behalf of ${parentsOf(data)}, I file`} this complaint under 34 CFR 300.153${stateRule} alleging that ${data.districtName} has violated requirements of Part B of the Individuals with Disabilities Education Act.`,
        `Student: ${data.studentName}; address: ${data.studentAddress}${data.school ? `; school: ${data.school}` : ''}.`,
        ...(data.narrative.length > 0 ? ['Statement of facts', ...data.narrative] : []),
        ...data.allegations.flatMap((allegation, position) => [
          `Allegation ${position + 1}: ${data.districtName} did not comply with ${allegation.requirement} (${allegation.citation}).`,
          `${allegation.facts} The most recent violation occurred on ${formatLongDate(allegation.lastViolationDate)}.`,
          ...(allegation.proposedResolution ? [`Proposed resolution: ${allegation.proposedResolution}`] : []),
        ]),
        ...(resolutions.length > 0 ? ['Proposed resolution, in summary:', ...numbered(resolutions)] : []),
        `A copy of this complaint is being sent to ${data.districtName} at the same time, as 34 CFR 300.153(d) requires. ${agency === 'the agency' ? 'The state' : agency} must issue a written decision within 60 days of receiving the complaint (34 CFR 300.152(a)).`,
      ],
      warnings: late.map(
        (allegation) =>
          `The allegation about ${allegation.requirement} is dated ${formatLongDate(allegation.lastViolationDate)}, more than one year before ${formatLongDate(data.date)}; 34 CFR 300.153(c) only allows violations within one year.`,
      ),
    };
  },
};

export const iepMeetingRequestSchema = letterBaseSchema.extend({
  /** What the team needs to take up: the case's claims or issues. */
  reasons: z.array(item).min(1),
  /** Dates or times the family can attend, offered so the meeting is at a mutually agreed time (300.322(a)(2)). */
  availability: z.array(item).default([]),
  /** Who else the family asks to attend (an evaluator, the provider of a missed service). */
  attendees: z.array(item).default([]),
  replyDays: z.number().int().min(1).max(60).default(10),
});

/**
 * A request for an IEP meeting, sent to the special-education director rather than the case
 * manager: the IEP must be revised as appropriate to address lack of progress, evaluation results,
 * information from the parents and anticipated needs (34 CFR 300.324(b)(1)(ii)); parents may ask
 * for a meeting at any time, at a mutually agreed time and place (300.322(a)(2)), and the district
 * representative must be able to commit its resources (300.321(a)(4)).
 */
export const iepMeetingRequest: LetterTemplate<typeof iepMeetingRequestSchema> = {
  id: 'iep_meeting_request',
  title: 'Request for an IEP meeting',
  citation: '34 CFR 300.324(b); 300.321(a)(4)',
  schema: iepMeetingRequestSchema,
  build(data) {
    return {
      subject: `Request for an IEP meeting for ${data.studentName}`,
      paragraphs: [
        introduction(data),
        `${requester(data) === 'I' ? 'I request' : `${parentsOf(data)} ${verbFor(data, 'requests', 'request')}`} an IEP meeting to review and revise ${possessive(data.studentName)} IEP, as 34 CFR 300.324(b)(1)(ii) provides, to address:`,
        ...numbered(data.reasons),
        `Because these questions concern services and resources the IEP team alone has not resolved, please attend the meeting yourself or send a representative of ${data.districtName} who is qualified to provide or supervise specially designed instruction and has the authority to commit the district's resources (34 CFR 300.321(a)(4)). We ask that the meeting be held at the district office.`,
        ...(data.attendees.length > 0 ? [`Please also invite: ${joinNames(data.attendees)}.`] : []),
        ...(data.availability.length > 0
          ? [
              'The family can attend on the following dates; the meeting must be scheduled at a mutually agreed time and place (34 CFR 300.322(a)(2)):',
              ...data.availability.map((slot) => `• ${slot}`),
            ]
          : ['Please propose dates so the meeting can be scheduled at a mutually agreed time and place (34 CFR 300.322(a)(2)).']),
        'Please send any draft IEP, evaluation reports and data the district intends to discuss a reasonable time before the meeting, so the family can take part as a full member of the team (34 CFR 300.322(a), 300.501(b)).',
        `Please respond in writing by ${formatLongDate(daysAfter(data.date, data.replyDays))}.`,
      ],
      warnings: [],
    };
  },
};

export const LETTER_TEMPLATES = {
  iee_request: ieeRequest,
  records_request: recordsRequest,
  parent_concern_statement: parentConcernStatement,
  meeting_follow_up: meetingFollowUp,
  non_implementation_notice: nonImplementationNotice,
  state_complaint_draft: stateComplaintDraft,
  iep_meeting_request: iepMeetingRequest,
} as const;

export type LetterKind = keyof typeof LETTER_TEMPLATES;
export const LETTER_KINDS = Object.keys(LETTER_TEMPLATES) as LetterKind[];

/** Validates `data` against the template's schema and builds the editable letter body. */
export function buildLetter(kind: LetterKind, data: unknown): BuiltLetter {
  const template = LETTER_TEMPLATES[kind] as LetterTemplate;
  const parsed = template.schema.safeParse(data);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    throw new AppError('VALIDATION', `The ${template.title.toLowerCase()} is missing information.`, fields);
  }
  return template.build(parsed.data);
}
