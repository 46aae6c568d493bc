import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS, DOCUMENT_MAX_BYTES, type DocumentCategory } from '@shared/domain/documents';
import type { TimelineEvent } from '@shared/domain/entities';
import { formatDate } from '../../lib/dates';

export const CATEGORY_OPTIONS = DOCUMENT_CATEGORIES.map((value) => ({ value, label: DOCUMENT_CATEGORY_LABELS[value] }));

/** What the picker offers; the server reads the real type from the content, never the name. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.eml,application/pdf,image/png,image/jpeg,message/rfc822';

const CATEGORY_HINTS: [RegExp, DocumentCategory][] = [
  [/\.eml$/i, 'communication'],
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

export function fileKindLabel(mimeType: string): string {
  if (mimeType === 'application/pdf') return 'PDF';
  if (mimeType.includes('wordprocessingml')) return 'DOCX';
  if (mimeType === 'message/rfc822') return 'Email';
  if (mimeType.startsWith('image/')) return 'Image';
  return mimeType;
}
