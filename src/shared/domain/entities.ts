import { z } from 'zod';
import { isoDate, optionalDate, optionalEmail, optionalText, recordId, requiredText, timestamp } from './common';
import { CASE_STAGES, CONTACT_ROLES, EVENT_TYPES, JURISDICTION_CODES } from './vocabulary';
import { attributeSchemaOf, hasKinds, kindsOf, kindLabels } from '../deadlines/facts';

// ---------- Families and guardians ----------

export const familyFields = z.strictObject({
  name: requiredText(200, 'Family name'),
  primaryLanguage: optionalText(80),
  email: optionalEmail,
  phone: optionalText(60),
  address: optionalText(500),
  engagedOn: optionalDate,
  consentOn: optionalDate,
  notes: optionalText(20_000),
});
export const family = z.object({
  id: recordId,
  name: z.string(),
  primaryLanguage: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  engagedOn: z.string().nullable(),
  consentOn: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Family = z.infer<typeof family>;

export const guardianFields = z.strictObject({
  name: requiredText(200, 'Name'),
  relationship: optionalText(80),
  email: optionalEmail,
  phone: optionalText(60),
  isPrimary: z.boolean().default(false),
});
export const guardian = z.object({
  id: recordId,
  familyId: recordId,
  name: z.string(),
  relationship: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type Guardian = z.infer<typeof guardian>;

// ---------- Districts ----------

export const districtFields = z.strictObject({
  name: requiredText(200, 'District name'),
  state: z
    .enum(JURISDICTION_CODES)
    .nullish()
    .transform((value) => value ?? null),
});
export const district = z.object({ id: recordId, name: z.string(), state: z.string().nullable() });
export type District = z.infer<typeof district>;

// ---------- Students ----------

export const studentFields = z.strictObject({
  firstName: requiredText(120, 'First name'),
  lastName: requiredText(120, 'Last name'),
  dateOfBirth: optionalDate,
  school: optionalText(200),
  grade: optionalText(40),
  districtId: recordId.nullish().transform((value) => value ?? null),
  eligibilityCategory: optionalText(120),
  iepStartOn: optionalDate,
});
export const student = z.object({
  id: recordId,
  familyId: recordId,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  school: z.string().nullable(),
  grade: z.string().nullable(),
  districtId: recordId.nullable(),
  eligibilityCategory: z.string().nullable(),
  iepMeetingOn: z.string().nullable(),
  iepStartOn: z.string().nullable(),
  annualReviewDueOn: z.string().nullable(),
  triennialDueOn: z.string().nullable(),
  /**
   * Where the IEP dates come from: 'facts' (derived from the IEP meetings and reevaluation
   * determinations on the student's cases, the one source of truth), 'student_record' (typed on
   * the student before facts existed, with no fact to derive from), or null (none known).
   */
  iepDatesSource: z.enum(['facts', 'student_record']).nullable(),
});
export type Student = z.infer<typeof student>;

// ---------- Cases ----------

export const caseFields = z.strictObject({
  studentId: recordId,
  title: requiredText(200, 'Case title'),
  stage: z.enum(CASE_STAGES).default('intake'),
  issues: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  jurisdiction: z.enum(JURISDICTION_CODES).default('US'),
  districtId: recordId.nullish().transform((value) => value ?? null),
  priorities: optionalText(5_000),
  openedOn: isoDate,
  closedOn: optionalDate,
});
export const caseRecord = z.object({
  id: recordId,
  studentId: recordId,
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  issues: z.array(z.string()),
  jurisdiction: z.enum(JURISDICTION_CODES),
  districtId: recordId.nullable(),
  priorities: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const caseListItem = z.object({
  id: recordId,
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  jurisdiction: z.string(),
  familyId: recordId,
  familyName: z.string(),
  studentId: recordId,
  studentName: z.string(),
  districtId: recordId.nullable(),
  districtName: z.string().nullable(),
  openedOn: z.string(),
  lastEventOn: z.string().nullable(),
  eventCount: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: timestamp,
  /** Set only when another family has the same name: what tells this one apart ("Maya · Rosenfield ISD"). */
  familyHint: z.string().nullable(),
  /** The case's earliest open deadline (stored deadlines; windows, filing limits and the advocate's own thresholds left out). */
  nextDeadline: z.object({ dueOn: z.string(), title: z.string(), daysUntil: z.number().int() }).nullable(),
  /** Open deadlines past their date. */
  overdueCount: z.number().int(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

/** 'urgency': overdue first (longest overdue first), then the soonest next deadline; cases without one last. */
export const CASE_SORTS = ['recent_activity', 'urgency', 'family', 'student', 'stage', 'opened'] as const;

// ---------- Contacts ----------

export const contactFields = z.strictObject({
  name: requiredText(200, 'Name'),
  role: z.enum(CONTACT_ROLES),
  organization: optionalText(200),
  districtId: recordId.nullish().transform((value) => value ?? null),
  email: optionalEmail,
  phone: optionalText(60),
  notes: optionalText(5_000),
});
export const contact = z.object({
  id: recordId,
  name: z.string(),
  role: z.enum(CONTACT_ROLES),
  organization: z.string().nullable(),
  districtId: recordId.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Contact = z.infer<typeof contact>;

// ---------- Timeline events ----------

const factAttributes = z.record(z.string().max(40), z.union([z.string().max(40), z.number().int().min(0).max(1_000), z.boolean()]));

/**
 * A timeline entry. Facts that start or close a clock carry their kind (required where the type
 * has kinds: an IEP meeting's initial/annual/amendment..., an evaluation's reevaluation/IEE...,
 * who filed a complaint) and the attributes the rules read, checked per type.
 */
export const eventFields = z
  .strictObject({
    occurredOn: isoDate,
    type: z.enum(EVENT_TYPES),
    kind: z
      .string()
      .trim()
      .max(40)
      .nullish()
      .transform((value) => value || null),
    attributes: factAttributes.nullish().transform((value) => (value && Object.keys(value).length > 0 ? value : null)),
    title: requiredText(300, 'Title'),
    details: optionalText(50_000),
    people: optionalText(1_000),
    contactId: recordId.nullish().transform((value) => value ?? null),
  })
  .superRefine((fields, context) => {
    if (hasKinds(fields.type)) {
      if (!fields.kind) {
        context.addIssue({
          code: 'custom',
          path: ['kind'],
          message: `Choose the kind: ${kindsOf(fields.type)
            .map((kind) => kindLabels[kind] ?? kind)
            .join(', ')}`,
        });
      } else if (!kindsOf(fields.type).includes(fields.kind)) {
        context.addIssue({ code: 'custom', path: ['kind'], message: `Not a kind of this entry: ${fields.kind}` });
      }
    } else if (fields.kind) {
      context.addIssue({ code: 'custom', path: ['kind'], message: 'This type of entry has no kind' });
    }
    if (fields.attributes) {
      const schema = attributeSchemaOf(fields.type);
      if (!schema) {
        context.addIssue({ code: 'custom', path: ['attributes'], message: 'This type of entry has no details of its own' });
        return;
      }
      const parsed = schema.safeParse(fields.attributes);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', path: ['attributes', ...issue.path.map(String)], message: issue.message });
      }
    }
  });
export type EventFields = z.input<typeof eventFields>;
export const timelineEvent = z.object({
  id: recordId,
  caseId: recordId,
  occurredOn: z.string(),
  type: z.enum(EVENT_TYPES),
  kind: z.string().nullable(),
  /** False for a kind guessed when an older vault was migrated: listed for review. */
  isKindConfirmed: z.boolean(),
  attributes: factAttributes.nullable(),
  title: z.string(),
  details: z.string().nullable(),
  people: z.string().nullable(),
  contactId: recordId.nullable(),
  /** The meeting workspace (prep, notes, decisions) of this meeting fact, when there is one. */
  meetingId: recordId.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

// ---------- Composite reads ----------

export const familySummary = z.object({
  id: recordId,
  name: z.string(),
  studentNames: z.array(z.string()),
  openCaseCount: z.number().int(),
  updatedAt: timestamp,
  /** Set only when another family has the same name: what tells this one apart. */
  hint: z.string().nullable(),
});
export type FamilySummary = z.infer<typeof familySummary>;

export const familyDetail = z.object({
  family,
  guardians: z.array(guardian),
  students: z.array(student),
  cases: z.array(caseListItem),
});
export type FamilyDetail = z.infer<typeof familyDetail>;

export const caseDetail = z.object({
  case: caseRecord,
  student,
  family,
  district: district.nullable(),
  contacts: z.array(contact),
});
export type CaseDetail = z.infer<typeof caseDetail>;
