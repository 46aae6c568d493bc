import { z } from 'zod';
import { isoDate } from '@shared/domain/common';

/** A local calendar date 'YYYY-MM-DD' that exists on the calendar (no 2025-02-30): the app's one ISO-date schema. */
export const isoDateSchema = isoDate;

const text = z.string().trim().max(2_000);
const shortText = z.string().trim().max(300);

export const binderCaseSchema = z.object({
  title: shortText.min(1),
  studentName: shortText.min(1),
  familyName: shortText.min(1),
  district: shortText.min(1),
  caseNumber: shortText.optional(),
  advocate: shortText.min(1),
  preparedOn: isoDateSchema,
});

export const binderDocumentSchema = z.object({
  id: z.string().min(1),
  title: shortText.min(1),
  /** Missing dates print as 'n.d.' (undated records are common: work samples, notes). */
  date: isoDateSchema.nullable().optional(),
  author: shortText.optional().default(''),
  description: text.optional().default(''),
  /** The document's bytes; expected to be a PDF, but checked before use. */
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected the file’s bytes.'),
});

export const contactRowSchema = z.object({
  name: shortText.min(1),
  role: shortText.optional().default(''),
  organization: shortText.optional().default(''),
  email: shortText.optional().default(''),
  phone: shortText.optional().default(''),
});

export const issueRowSchema = z.object({
  issue: text.min(1),
  proposedResolution: text.optional().default(''),
  status: shortText.optional().default(''),
});

export const chronologyRowSchema = z.object({
  date: isoDateSchema,
  type: shortText.optional().default(''),
  title: shortText.min(1),
  summary: text.optional().default(''),
  /** Where the fact is shown when no exhibit in this binder backs it (a document left out). */
  source: shortText.optional().default(''),
  /** The documents that back the fact: printed as their exhibit numbers ('P-7') when in the binder. */
  sourceDocumentIds: z.array(z.string().min(1)).max(50).optional().default([]),
  /** The page of a source document that shows the fact, by document id: cited as 'P-7 at 3'. */
  sourcePages: z.record(z.string(), z.number().int().min(1).max(100_000)).optional().default({}),
});

export const complianceRowSchema = z.object({
  term: shortText.min(1),
  unit: z.enum(['minutes', 'sessions', 'hours', 'items']).default('minutes'),
  /** Amount owed so far under the term as of `asOf` (computed by the compliance service). */
  owed: z.number().nonnegative(),
  delivered: z.number().nonnegative(),
  asOf: isoDateSchema,
  notes: text.optional().default(''),
  /** Each missed session still owed or made up, with its make-up window (issue 11). */
  makeupItems: z
    .array(
      z.object({
        missedOn: isoDateSchema,
        reason: shortText,
        minutesShort: z.number().nonnegative(),
        minutesMadeUp: z.number().nonnegative(),
        windowEnd: isoDateSchema.nullable(),
        status: z.enum(['open', 'made_up', 'expired']),
        daysLeft: z.number().nullable(),
      }),
    )
    .optional()
    .default([]),
});

export const agreementSummarySchema = z.object({
  title: shortText.min(1),
  kindLabel: shortText.optional().default(''),
  signedOn: isoDateSchema.nullable().optional(),
  parties: shortText.optional().default(''),
  terms: z
    .array(
      z.object({ what: text.min(1), howMuch: shortText.optional().default(''), who: shortText.optional().default(''), when: shortText.optional().default('') }),
    )
    .default([]),
});

/** One goal or trial with its data, as the progress data section prints it (issue 17). */
export const progressBlockSchema = z.object({
  title: shortText.min(1),
  /** Baseline, target, unit, dates. */
  subtitle: text.optional().default(''),
  /** What the data shows (the trend sentence, the "progressing but flat" flag, the trial's result). */
  finding: text.optional().default(''),
  points: z
    .array(z.object({ date: isoDateSchema, value: shortText, source: shortText.optional().default(''), note: shortText.optional().default('') }))
    .max(5_000)
    .default([]),
});

export const generatedContentSchema = z.discriminatedUnion('kind', [
  /** Paragraphs separated by blank lines; a line starting '# ' is a heading. */
  z.object({ kind: z.literal('position_statement'), text: z.string().max(20_000) }),
  z.object({ kind: z.literal('agreements'), rows: z.array(agreementSummarySchema) }),
  z.object({ kind: z.literal('cover'), subtitle: shortText.optional(), note: text.optional() }),
  z.object({ kind: z.literal('contacts'), rows: z.array(contactRowSchema) }),
  z.object({ kind: z.literal('issues'), rows: z.array(issueRowSchema) }),
  z.object({ kind: z.literal('chronology'), rows: z.array(chronologyRowSchema) }),
  z.object({ kind: z.literal('compliance_worksheet'), rows: z.array(complianceRowSchema) }),
  z.object({ kind: z.literal('progress_data'), rows: z.array(progressBlockSchema) }),
]);

export const documentOrderSchema = z.enum(['as_given', 'newest_first', 'oldest_first']);

export const binderSectionSchema = z
  .object({
    id: z.string().min(1),
    title: shortText.min(1),
    kind: z.enum(['generated', 'documents']),
    include: z.boolean().default(true),
    order: documentOrderSchema.default('as_given'),
    documents: z.array(binderDocumentSchema).optional(),
    generated: generatedContentSchema.optional(),
  })
  .refine((section) => section.kind !== 'generated' || section.generated !== undefined, {
    message: 'A generated section needs its generated content.',
    path: ['generated'],
  });

export const batesSchema = z.object({
  prefix: z
    .string()
    .max(20)
    .regex(/^[\p{L}\p{N}_.-]*$/u, 'Letters, digits, dot, dash or underscore.'),
  digits: z.number().int().min(1).max(12),
  start: z.number().int().min(0).max(999_999_999),
});

export const binderOptionsSchema = z.object({
  bates: batesSchema.optional(),
  /** US Letter unless the advocate picks A4; imported pages of any size are scaled to it. */
  paperSize: z.enum(['letter', 'a4']).default('letter'),
  exhibitPrefix: z
    .string()
    .min(1)
    .max(6)
    .regex(/^[\p{L}\p{N}]+$/u)
    .default('P'),
});

export const binderInputSchema = z.object({
  case: binderCaseSchema,
  sections: z.array(binderSectionSchema),
  options: binderOptionsSchema.default({ exhibitPrefix: 'P', paperSize: 'letter' }),
});

export type BinderCase = z.infer<typeof binderCaseSchema>;
export type BinderDocument = z.infer<typeof binderDocumentSchema>;
export type ContactRow = z.infer<typeof contactRowSchema>;
export type IssueRow = z.infer<typeof issueRowSchema>;
export type ChronologyRow = z.infer<typeof chronologyRowSchema>;
export type ComplianceRow = z.infer<typeof complianceRowSchema>;
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
export type ProgressBlock = z.infer<typeof progressBlockSchema>;
export type GeneratedContent = z.infer<typeof generatedContentSchema>;
export type BinderSection = z.infer<typeof binderSectionSchema>;
export type BatesOptions = z.infer<typeof batesSchema>;
export type BinderOptions = z.infer<typeof binderOptionsSchema>;
/** What callers pass (defaults not yet applied). */
export type BinderInput = z.input<typeof binderInputSchema>;
/** After validation, with defaults applied. */
export type ParsedBinderInput = z.infer<typeof binderInputSchema>;

export type DefaultSectionId =
  | 'cover'
  | 'contacts'
  | 'position_statement'
  | 'issues'
  | 'chronology'
  | 'ieps'
  | 'evaluations'
  | 'progress_data'
  | 'progress'
  | 'agreements'
  | 'service_logs'
  | 'notices'
  | 'correspondence';

export interface DefaultSection {
  id: DefaultSectionId;
  title: string;
  kind: 'generated' | 'documents';
  /** What is generated from case data for this section, when it is generated. */
  generatedKind?: GeneratedContent['kind'];
  order: z.infer<typeof documentOrderSchema>;
}

/**
 * The default binder order. Any section may hold both generated pages and documents: the service
 * logs section opens with the compliance worksheet (generated from the implementation log) and
 * then carries the log documents as exhibits. IEPs are newest first because the current IEP is
 * what the mediator reads first; everything else reads as a story, oldest first.
 */
export const DEFAULT_SECTIONS: readonly DefaultSection[] = [
  { id: 'cover', title: 'Cover', kind: 'generated', generatedKind: 'cover', order: 'as_given' },
  { id: 'contacts', title: 'Contacts', kind: 'generated', generatedKind: 'contacts', order: 'as_given' },
  { id: 'position_statement', title: 'Position Statement', kind: 'generated', generatedKind: 'position_statement', order: 'as_given' },
  {
    id: 'issues',
    title: 'Issues and Proposed Resolutions',
    kind: 'generated',
    generatedKind: 'issues',
    order: 'as_given',
  },
  { id: 'chronology', title: 'Chronology', kind: 'generated', generatedKind: 'chronology', order: 'as_given' },
  { id: 'ieps', title: 'IEPs', kind: 'documents', order: 'newest_first' },
  { id: 'evaluations', title: 'Evaluations and IEEs', kind: 'documents', order: 'oldest_first' },
  // Goals with their measurements and trend, and trials with their data: generated from the case's records,
  // before the progress reports themselves. Off when the case has neither.
  { id: 'progress_data', title: 'Goal Progress and Trials', kind: 'generated', generatedKind: 'progress_data', order: 'as_given' },
  { id: 'progress', title: 'Progress Data', kind: 'documents', order: 'oldest_first' },
  // The agreement itself (its terms, and the signed copy when imported) before its implementation record.
  { id: 'agreements', title: 'Agreements', kind: 'generated', generatedKind: 'agreements', order: 'oldest_first' },
  {
    id: 'service_logs',
    title: 'Service Logs and Compliance Worksheet',
    kind: 'generated',
    generatedKind: 'compliance_worksheet',
    order: 'oldest_first',
  },
  { id: 'notices', title: 'Notices', kind: 'documents', order: 'oldest_first' },
  { id: 'correspondence', title: 'Correspondence', kind: 'documents', order: 'oldest_first' },
];

/** Result of one index row: where an exhibit sits in the finished binder (1-based pages). */
export interface BinderIndexEntry {
  exhibit: string;
  sectionId: string;
  sectionTitle: string;
  documentId: string;
  title: string;
  date: string | null;
  author: string;
  startPage: number;
  endPage: number;
}

export interface SkippedDocument {
  documentId: string;
  title: string;
  sectionTitle: string;
  reason: string;
}

export interface BinderSectionPlacement {
  id: string;
  title: string;
  /** The tab page (or the cover's page). */
  startPage: number;
  endPage: number;
}

export interface BinderResult {
  bytes: Uint8Array;
  pageCount: number;
  indexPageCount: number;
  sections: BinderSectionPlacement[];
  index: BinderIndexEntry[];
  skipped: SkippedDocument[];
}

export type ProgressCallback = (done: number, total: number, label: string) => void;
