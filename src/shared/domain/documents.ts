/**
 * Documents in a case (imported files, exported letters), the mediation binder's options and plan,
 * letters drafted from case data, and the advocate's profile that signs them.
 */
import { z } from 'zod';
import { FILE_LIMITS } from '../api/file-limits';
import { fileRef } from '../api/file-ref';
import { isoDate, optionalDate, optionalEmail, optionalText, recordId, requiredText, timestamp } from './common';

export const DOCUMENT_CATEGORIES = [
  'evaluation',
  'iep',
  'progress_report',
  'medical',
  'communication',
  'work_sample',
  'notice',
  'agreement',
  'service_log',
  'other',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = {
  evaluation: 'Evaluation',
  iep: 'IEP',
  progress_report: 'Progress report',
  medical: 'Medical',
  communication: 'Communication',
  work_sample: 'Work sample',
  notice: 'Notice',
  agreement: 'Agreement',
  service_log: 'Service log',
  other: 'Other',
};

/** The largest document the vault accepts (its kind's limit in src/shared/api/file-limits.ts). */
export const DOCUMENT_MAX_BYTES = FILE_LIMITS.document;

export const DOCUMENT_MIME_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
} as const;

/** A page of a document, as cited ('at 3'): 1-based, within the document's own pages. */
export const documentPage = z.number().int().min(1, 'Pages start at 1').max(100_000);

export const documentRecord = z.object({
  id: recordId,
  caseId: recordId,
  title: z.string(),
  documentDate: z.string().nullable(),
  category: z.enum(DOCUMENT_CATEGORIES),
  author: z.string().nullable(),
  mimeType: z.string(),
  originalName: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  pageCount: z.number().int().nullable(),
  sha256: z.string(),
  createdAt: timestamp,
  /** Timeline events this document supports. */
  eventIds: z.array(recordId),
  /** The same links with the page of this document that shows each fact (a pin cite), when given. */
  eventLinks: z.array(z.object({ eventId: recordId, page: z.number().int().nullable() })),
  /** The e-mail this document came attached to, when it was imported from one. */
  parentDocumentId: recordId.nullable(),
  /** A letter exported from the app: its kind and recipient, and whether it was marked as sent. */
  letter: z.object({ kind: z.lazy(() => z.enum(LETTER_KIND_IDS)), to: z.string().nullable(), isSent: z.boolean() }).nullable(),
  /** Whether text was extracted (searchable). */
  hasText: z.boolean(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const documentFields = z.strictObject({
  title: requiredText(300, 'Title'),
  documentDate: optionalDate,
  category: z.enum(DOCUMENT_CATEGORIES),
  author: optionalText(200),
});

export const documentImportInput = z.strictObject({
  caseId: recordId,
  /** The file, by reference (chosen in main's dialog, dropped, or uploaded to the bridge); the service process reads it. */
  file: fileRef,
  /**
   * The name the file had on disk; kept for display and export, never trusted for the type.
   * Taken from the path when omitted; an upload (which has no path) must give it.
   */
  fileName: requiredText(255, 'File name').optional(),
  title: optionalText(300),
  documentDate: optionalDate,
  category: z.enum(DOCUMENT_CATEGORIES),
  author: optionalText(200),
  eventIds: z.array(recordId).max(200).default([]),
});

/** An e-mail document (.eml or Outlook .msg) as the bounded parser read it: the one e-mail parser, for every screen. */
export const documentEmail = z.object({
  subject: z.string().nullable(),
  /** The Date header's own calendar day. */
  date: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  cc: z.string().nullable(),
  /** The Date header as sent. */
  dateHeader: z.string().nullable(),
  body: z.string(),
  /** Attachments as listed; each can be imported as a document of its own (`documents.importAttachment`). */
  attachments: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number().int().nonnegative(),
      /** The document already imported from this attachment, if any. */
      documentId: recordId.nullable(),
    }),
  ),
});
export type DocumentEmail = z.infer<typeof documentEmail>;

export const documentContent = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});

// ---------- The advocate's profile (letterhead, binder cover) ----------

export const advocateProfileFields = z.strictObject({
  name: optionalText(200),
  organization: optionalText(200),
  email: optionalEmail,
  phone: optionalText(60),
  /** Street address, one line per row. */
  address: optionalText(500),
});
export const advocateProfile = z.object({
  name: z.string().nullable(),
  organization: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type AdvocateProfile = z.infer<typeof advocateProfile>;

// ---------- The mediation binder ----------

/** The binder's default sections, in their default order (mirrors src/main/pdf DEFAULT_SECTIONS). */
export const BINDER_SECTION_IDS = [
  'cover',
  'contacts',
  'position_statement',
  'issues',
  'chronology',
  'ieps',
  'evaluations',
  'progress_data',
  'progress',
  'agreements',
  'service_logs',
  'notices',
  'correspondence',
] as const;
export type BinderSectionId = (typeof BINDER_SECTION_IDS)[number];

export const binderBuildOptions = z
  .strictObject({
    /** Sections in the order wanted; sections left out keep their default place and inclusion, at the end. */
    sections: z
      .array(
        z.strictObject({
          id: z.enum(BINDER_SECTION_IDS),
          include: z.boolean().default(true),
          /** Documents placed in this section, in this order (moved here or reordered by drag). */
          documentIds: z.array(recordId).max(2_000).optional(),
        }),
      )
      .max(BINDER_SECTION_IDS.length)
      .default([]),
    excludedDocumentIds: z.array(recordId).max(5_000).default([]),
    bates: z
      .strictObject({
        prefix: z
          .string()
          .trim()
          .max(20)
          .regex(/^[\p{L}\p{N}_.-]*$/u, 'Letters, digits, dot, dash or underscore.'),
        digits: z.number().int().min(1).max(12).default(6),
        start: z.number().int().min(0).max(999_999_999).default(1),
      })
      .nullable()
      .default(null),
    /** The date the binder is prepared as of (cover, compliance worksheet); defaults to today. */
    asOf: isoDate.optional(),
    /**
     * The position statement as the advocate edited it in the builder (what prints, exactly);
     * omitted, it is built from the meeting-prep worksheet. Private items never enter it.
     */
    positionStatement: z.string().trim().max(20_000).optional(),
    /** The advocate's own notes stay out of the chronology unless chosen (they are internal). */
    includeAdvocateNotes: z.boolean().optional(),
    /** US Letter by default; every imported page is scaled to it between the stamp bands. */
    paperSize: z.enum(['letter', 'a4']).optional(),
  })
  .default({ sections: [], excludedDocumentIds: [], bates: null });
export type BinderBuildOptions = z.output<typeof binderBuildOptions>;

export const binderPlanDocument = z.object({
  id: recordId,
  title: z.string(),
  documentDate: z.string().nullable(),
  category: z.enum(DOCUMENT_CATEGORIES),
  mimeType: z.string(),
  pageCount: z.number().int().nullable(),
  isExcluded: z.boolean(),
  /** Why the document cannot go into the binder (not a PDF), or null when it can. */
  unusableReason: z.string().nullable(),
});

export const binderPlan = z.object({
  caseId: recordId,
  sections: z.array(
    z.object({
      id: z.enum(BINDER_SECTION_IDS),
      title: z.string(),
      kind: z.enum(['generated', 'documents']),
      include: z.boolean(),
      /** What the app generates for this section from the case data, if anything. */
      generated: z.enum(['cover', 'contacts', 'position_statement', 'issues', 'chronology', 'agreements', 'compliance_worksheet', 'progress_data']).nullable(),
      documents: z.array(binderPlanDocument),
    }),
  ),
  warnings: z.array(z.string()),
  /** The position statement that will print unless edited: built from the meeting-prep worksheet, private items left out. */
  positionStatement: z.string(),
});
export type BinderPlan = z.infer<typeof binderPlan>;

export const binderBuildResult = z.object({
  fileName: z.string(),
  /** The built PDF waits in the service process; `files.saveExport` writes it where the advocate chooses. */
  exportId: z.string(),
  pageCount: z.number().int(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), startPage: z.number().int(), endPage: z.number().int() })),
  index: z.array(
    z.object({
      exhibit: z.string(),
      sectionTitle: z.string(),
      documentId: recordId,
      title: z.string(),
      date: z.string().nullable(),
      startPage: z.number().int(),
      endPage: z.number().int(),
    }),
  ),
  skipped: z.array(z.object({ documentId: recordId, title: z.string(), sectionTitle: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
});
export type BinderBuildResult = z.infer<typeof binderBuildResult>;

export const binderProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  label: z.string(),
  isFinished: z.boolean(),
});
export type BinderProgress = z.infer<typeof binderProgress>;

/** A client-generated id for one build, so the renderer can poll its progress. */
export const binderJobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A job id is 8 to 64 letters, digits, dashes or underscores.');

// ---------- Letters ----------

export const LETTER_KIND_IDS = [
  'iee_request',
  'records_request',
  'parent_concern_statement',
  'meeting_follow_up',
  'non_implementation_notice',
  'state_complaint_draft',
  'iep_meeting_request',
] as const;
export type LetterKindId = (typeof LETTER_KIND_IDS)[number];

const line = z.string().trim().max(300);

/** The editable letter: what the draft returns and what the advocate sends back to export. */
export const letterContent = z.strictObject({
  date: isoDate,
  subject: line.min(1, 'Subject is required'),
  salutation: line.optional(),
  paragraphs: z.array(z.string().max(10_000)).min(1, 'The letter needs a body').max(500),
  closing: line.default('Sincerely,'),
  to: z.strictObject({
    name: line.min(1, 'Recipient is required'),
    title: line.optional(),
    district: line.optional(),
    address: z.array(line).max(8).optional(),
  }),
  from: z.strictObject({
    name: line.min(1, 'Your name is required: set it in the advocate profile'),
    organization: line.optional(),
    address: z.array(line).max(8).optional(),
    email: line.optional(),
    phone: line.optional(),
  }),
  cc: z.array(line).max(20).default([]),
});
export type LetterContent = z.output<typeof letterContent>;

/** The draft may still lack the sender's name (no profile yet): the form asks for it. */
export const letterDraft = z.object({
  kind: z.enum(LETTER_KIND_IDS),
  date: z.string(),
  subject: z.string(),
  salutation: z.string().optional(),
  paragraphs: z.array(z.string()),
  closing: z.string(),
  to: z.object({ name: z.string(), title: z.string().optional(), district: z.string().optional(), address: z.array(z.string()).optional() }),
  from: z.object({
    name: z.string(),
    organization: z.string().optional(),
    address: z.array(z.string()).optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  }),
  cc: z.array(z.string()),
  warnings: z.array(z.string()),
  /** For an IEE request: the request the letter makes, so "Mark as sent" can start its tracker entry. */
  ieeRequest: z.object({ disputedEvaluation: z.string(), disputedEvaluationOn: z.string().optional(), areas: z.array(z.string()) }).optional(),
});
export type LetterDraft = z.infer<typeof letterDraft>;

/** How a letter went out: the fact the timeline records when the advocate marks it sent. */
export const LETTER_SEND_METHODS = ['email', 'mail', 'certified_mail', 'hand_delivery', 'fax', 'portal'] as const;
export const LETTER_SEND_METHOD_LABELS: Record<(typeof LETTER_SEND_METHODS)[number], string> = {
  email: 'Email',
  mail: 'First-class mail',
  certified_mail: 'Certified mail, return receipt',
  hand_delivery: 'Hand delivery',
  fax: 'Fax',
  portal: 'District portal',
};

/** An IEE request letter's request, for the tracker entry "Mark as sent" starts when the case has none. */
export const letterIeeRequest = z.strictObject({
  disputedEvaluation: z.string().trim().min(1).max(300),
  disputedEvaluationOn: isoDate.optional(),
  areas: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

export const letterMarkSentInput = z.strictObject({
  caseId: recordId,
  kind: z.enum(LETTER_KIND_IDS),
  /** The exported letter (a document of the case) that went out. */
  documentId: recordId,
  sentOn: isoDate,
  method: z.enum(LETTER_SEND_METHODS),
  to: z.string().trim().min(1, 'Say to whom it went').max(300),
  /** For an IEE request with no tracker entry yet: what was requested (else what the letter's export kept). */
  ieeRequest: letterIeeRequest.optional(),
});

export const letterMarkSentResult = z.object({
  eventId: recordId,
  /** The IEE tracker entry the request started, when it made one. */
  ieeRequestId: recordId.nullable(),
  /** The clocks the letter started, in words: 'Education records due December 1, 2026'. */
  started: z.array(z.string()),
});

export const letterTemplateSummary = z.object({
  kind: z.enum(LETTER_KIND_IDS),
  title: z.string(),
  citation: z.string().nullable(),
});

export const letterExportResult = z.object({
  documentId: recordId,
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
