import type { AdvocateProfile, LetterContent, LetterDraft } from '@shared/domain/documents';

/** The editor's values: address blocks and copies as one line per row, the body as paragraphs. */
export interface LetterEditorValues {
  date: string;
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing: string;
  toName: string;
  toTitle: string;
  toDistrict: string;
  toAddress: string;
  fromName: string;
  fromOrganization: string;
  fromAddress: string;
  fromEmail: string;
  fromPhone: string;
  cc: string;
}

export function editorValues(draft: LetterDraft): LetterEditorValues {
  return {
    date: draft.date,
    subject: draft.subject,
    salutation: draft.salutation ?? '',
    paragraphs: draft.paragraphs.length > 0 ? draft.paragraphs : [''],
    closing: draft.closing,
    toName: draft.to.name,
    toTitle: draft.to.title ?? '',
    toDistrict: draft.to.district ?? '',
    toAddress: (draft.to.address ?? []).join('\n'),
    fromName: draft.from.name,
    fromOrganization: draft.from.organization ?? '',
    fromAddress: (draft.from.address ?? []).join('\n'),
    fromEmail: draft.from.email ?? '',
    fromPhone: draft.from.phone ?? '',
    cc: draft.cc.join('\n'),
  };
}

/** The sender block refreshed from a just-saved advocate profile. */
export function withProfile(values: LetterEditorValues, profile: AdvocateProfile): LetterEditorValues {
  return {
    ...values,
    fromName: profile.name ?? '',
    fromOrganization: profile.organization ?? '',
    fromAddress: profile.address ?? '',
    fromEmail: profile.email ?? '',
    fromPhone: profile.phone ?? '',
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const optional = (text: string) => (text.trim() ? text.trim() : undefined);
const optionalLines = (text: string) => (lines(text).length > 0 ? lines(text) : undefined);

/** The editor's values as letters.export's letter; blank optional parts are left out, blank paragraphs dropped. */
export function letterFromValues(values: LetterEditorValues): LetterContent {
  return {
    date: values.date,
    subject: values.subject,
    salutation: optional(values.salutation),
    paragraphs: values.paragraphs.filter((paragraph) => paragraph.trim() !== ''),
    closing: values.closing.trim() || 'Sincerely,',
    to: { name: values.toName, title: optional(values.toTitle), district: optional(values.toDistrict), address: optionalLines(values.toAddress) },
    from: {
      name: values.fromName,
      organization: optional(values.fromOrganization),
      address: optionalLines(values.fromAddress),
      email: optional(values.fromEmail),
      phone: optional(values.fromPhone),
    },
    cc: lines(values.cc),
  };
}

/** Schema error paths ('to.name', 'paragraphs') → the editor's field names. */
export function editorErrorKey(path: string): string {
  const [head, tail] = path.split('.');
  if ((head === 'to' || head === 'from') && tail) return `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}`;
  return head ?? path;
}
