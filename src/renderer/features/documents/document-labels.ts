import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_CATEGORY_LABELS,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MIME_TYPES,
  type DocumentCategory,
  type DocumentRecord,
} from '@shared/domain/documents';
import type { TimelineEvent } from '@shared/domain/entities';
import { formatDate } from '../../lib/dates';

export const CATEGORY_OPTIONS = DOCUMENT_CATEGORIES.map((value) => ({ value, label: DOCUMENT_CATEGORY_LABELS[value] }));

/** What the picker offers; the server reads the real type from the content, never the name. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.eml,.msg,application/pdf,image/png,image/jpeg,message/rfc822,application/vnd.ms-outlook';

const CATEGORY_HINTS: [RegExp, DocumentCategory][] = [
  [/\.(eml|msg)$/i, 'communication'],
  [/\biep\b|individuali[sz]ed education/i, 'iep'],
  [/eval|assessment|psych|fba\b/i, 'evaluation'],
  [/progress/i, 'progress_report'],
  [/medical|doctor|diagnos/i, 'medical'],
  [/agreement|settlement|mediation/i, 'agreement'],
  [/service.?log/i, 'service_log'],
  [/notice|pwn|prior written/i, 'notice'],
  [/letter|email|correspondence/i, 'communication'],
  [/work.?sample|homework/i, 'work_sample'],
];

/** A first guess at the category from the file name, which the advocate can change before import. */
export function guessCategory(fileName: string): DocumentCategory {
  return CATEGORY_HINTS.find(([pattern]) => pattern.test(fileName))?.[1] ?? 'other';
}

/** 'iep-2025 final.pdf' → 'iep-2025 final'. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/** Refused before any upload, with the same limit main applies. */
export function tooLargeMessage(sizeBytes: number): string | null {
  return sizeBytes > DOCUMENT_MAX_BYTES ? `The file is larger than the ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB limit.` : null;
}

export function eventOptions(events: TimelineEvent[] | undefined): { value: string; label: string }[] {
  return (events ?? []).toReversed().map((event) => ({ value: String(event.id), label: `${formatDate(event.occurredOn)} · ${event.title}` }));
}

/**
 * The line under a document's title in the case's list: who wrote it, whether a letter made here
 * was sent, the kind of file and its original name ('Brazos Bend ISD · PDF · iep-2026.pdf').
 */
export function documentLine(document: Pick<DocumentRecord, 'author' | 'letter' | 'mimeType' | 'originalName'>): string {
  const letter = document.letter ? (document.letter.isSent ? 'Letter, sent' : 'Letter, not marked as sent') : null;
  return [document.author?.trim() || null, letter, fileKindLabel(document.mimeType), document.originalName].filter(Boolean).join(' · ');
}

export function fileKindLabel(mimeType: string): string {
  if (mimeType === 'application/pdf') return 'PDF';
  if (mimeType.includes('wordprocessingml')) return 'DOCX';
  if (mimeType === 'message/rfc822') return 'Email';
  if (mimeType === 'application/vnd.ms-outlook') return 'Email (Outlook)';
  if (mimeType.startsWith('image/')) return 'Image';
  return mimeType;
}

/** The page typed for each linked event, by event id ('' when the whole document is cited). */
export type LinkPages = Record<string, number | string>;

function pageOf(value: number | string | undefined): number | null {
  const page = typeof value === 'number' ? value : Number.parseInt(value ?? '', 10);
  return Number.isInteger(page) && page >= 1 ? page : null;
}

/** What to send after editing a document's links: new links and changed pages (`linkEvent`), and links removed. */
export function linkChanges(
  current: readonly { eventId: number; page: number | null }[],
  wantedIds: readonly string[],
  pages: LinkPages,
): { link: { eventId: number; page: number | null }[]; unlink: number[] } {
  const wanted = wantedIds.map(Number);
  const link = wanted
    .map((eventId) => ({ eventId, page: pageOf(pages[String(eventId)]) }))
    .filter((change) => {
      const existing = current.find((entry) => entry.eventId === change.eventId);
      return !existing || existing.page !== change.page;
    });
  return { link, unlink: current.map((entry) => entry.eventId).filter((eventId) => !wanted.includes(eventId)) };
}

/** An e-mail document (.eml or Outlook .msg): main parses it for the preview and its attachments. */
export function isEmailDocument(mimeType: string): boolean {
  return mimeType === DOCUMENT_MIME_TYPES.eml || mimeType === DOCUMENT_MIME_TYPES.msg;
}
