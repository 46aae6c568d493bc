/**
 * Letters prefilled from the case: who writes (the advocate profile), to whom (the district contact
 * whose role answers for the matter), about which child, and the facts each template needs. The
 * advocate edits the draft before export; anything the case data cannot supply is asked for by name.
 */
import dayjs from 'dayjs';
import type { ParsedInput } from '@shared/api/contract';
import { AppError, isAppError } from '@shared/api/errors';
import type { LetterDraft, LetterKindId } from '@shared/domain/documents';
import type { Contact } from '@shared/domain/entities';
import { CONTACT_ROLE_LABELS, type ContactRole } from '@shared/domain/vocabulary';
import { buildLetter, ieeRequestSchema, LETTER_TEMPLATES, type LetterKind } from '../../pdf';
import { nonImplementationData } from '../agreements';
import type { ServiceContext } from '../context';
import { getAdvocateProfile } from '../profile/advocate-profile';
import { contactByRoles, loadCaseFacts, studentName, type CaseFacts } from '../cases/case-loader';
import { kindData } from './letter-kind-data';

type DraftOptions = ParsedInput<'letters.draft'>['options'];

/** Whom each letter goes to, in order of preference: escalation goes up the district hierarchy. */
const RECIPIENT_ROLES: Record<LetterKindId, readonly ContactRole[]> = {
  iee_request: ['director_of_special_education', 'assistant_superintendent', 'program_specialist', 'case_manager'],
  records_request: ['director_of_special_education', 'program_specialist', 'principal', 'case_manager'],
  parent_concern_statement: ['case_manager', 'special_education_teacher', 'program_specialist', 'director_of_special_education'],
  meeting_follow_up: ['case_manager', 'program_specialist', 'principal', 'director_of_special_education'],
  non_implementation_notice: ['director_of_special_education', 'assistant_superintendent', 'program_specialist', 'principal', 'case_manager'],
  state_complaint_draft: ['director_of_special_education', 'assistant_superintendent'],
  // Escalation: the meeting request goes over the case manager's head to the director.
  iep_meeting_request: ['director_of_special_education', 'assistant_superintendent', 'program_specialist'],
};

export function letterTemplates(): { kind: LetterKindId; title: string; citation: string | null }[] {
  return (Object.keys(LETTER_TEMPLATES) as LetterKind[]).map((kind) => ({
    kind,
    title: LETTER_TEMPLATES[kind].title,
    citation: LETTER_TEMPLATES[kind].citation ?? null,
  }));
}

function addressee(contact: Contact | null, facts: CaseFacts, fallbackRole: ContactRole): LetterDraft['to'] {
  const district = facts.district?.name;
  if (!contact) return { name: CONTACT_ROLE_LABELS[fallbackRole], ...(district ? { district } : {}) };
  return { name: contact.name, title: CONTACT_ROLE_LABELS[contact.role as ContactRole] ?? contact.role, ...(district ? { district } : {}) };
}

function sender(ctx: ServiceContext): LetterDraft['from'] {
  const profile = getAdvocateProfile(ctx);
  const address = (profile.address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    name: profile.name ?? '',
    ...(profile.organization ? { organization: profile.organization } : {}),
    ...(address.length > 0 ? { address } : {}),
    ...(profile.email ? { email: profile.email } : {}),
    ...(profile.phone ? { phone: profile.phone } : {}),
  };
}

/** A template's missing fields, renamed to where the advocate supplies them (options.fields.*). */
function askForMissing(error: unknown, kind: LetterKindId): never {
  if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
  const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([path, message]) => [`options.fields.${path}`, message]));
  const names = Object.keys(error.fields ?? {}).map((path) => path.replace(/\.\d+/g, '').replace(/\./g, ' › '));
  throw new AppError(
    'VALIDATION',
    `The case data does not have everything the ${LETTER_TEMPLATES[kind].title.toLowerCase()} needs. Please supply: ${[...new Set(names)].join(', ')}.`,
    fields,
  );
}

export function draftLetter(ctx: ServiceContext, caseId: number, kind: LetterKindId, options: DraftOptions): LetterDraft {
  const facts = loadCaseFacts(ctx, caseId);
  let date = options.date ?? dayjs(ctx.now()).format('YYYY-MM-DD');
  const warnings: string[] = [];
  const parentNames = facts.guardians.map((guardian) => guardian.name);
  if (parentNames.length === 0) warnings.push('No parent or guardian is recorded for this family; the letter uses the family name.');
  if (!facts.district) warnings.push('No district is recorded for this case; the letter says “the school district”.');
  const base = {
    date,
    studentName: studentName(facts),
    ...(facts.student.dateOfBirth ? { studentDateOfBirth: facts.student.dateOfBirth } : {}),
    ...(facts.student.school ? { school: facts.student.school } : {}),
    ...(facts.student.grade ? { grade: facts.student.grade } : {}),
    parentNames: parentNames.length > 0 ? parentNames : [facts.family.name],
    writerRole: 'advocate' as const,
    districtName: facts.district?.name ?? 'the school district',
  };

  const recipientRoles = RECIPIENT_ROLES[kind];
  let to = addressee(contactByRoles(facts, recipientRoles), facts, recipientRoles[0]!);
  let cc: string[] = [];
  const specific = kindData(ctx, facts, kind, options, date, warnings);
  if (specific.date && specific.date !== date) {
    warnings.push(`Dated ${specific.date}, the day after the meeting it summarises: a summary is never dated before the meeting.`);
    date = specific.date;
    base.date = date;
  }
  if (kind === 'non_implementation_notice' && specific.agreementId !== undefined) {
    // The agreements service knows whom a notice goes to (the director, or the next one on file).
    const data = nonImplementationData(ctx, specific.agreementId, date);
    if (data.recipient) to = addressee(data.recipient, facts, 'director_of_special_education');
    cc = data.contacts.filter((contact) => contact.role === 'district_counsel').map((contact) => `${contact.name}, ${CONTACT_ROLE_LABELS.district_counsel}`);
  }
  if (kind === 'state_complaint_draft') {
    const agency = String((specific.data as { stateAgencyName?: unknown }).stateAgencyName ?? options.fields.stateAgencyName ?? '');
    const director = contactByRoles(facts, recipientRoles);
    // 34 CFR 300.153(d): the complaint goes to the state, with a copy to the district at the same time.
    cc = [director ? `${director.name}, ${CONTACT_ROLE_LABELS[director.role as ContactRole]}, ${base.districtName}` : base.districtName];
    const address = specific.stateAgency?.address ?? [];
    to = { name: agency || 'State educational agency', ...(address.length > 0 ? { address } : {}) };
  }
  if (!to.title && kind !== 'state_complaint_draft') {
    warnings.push(
      `No ${recipientRoles.map((role) => CONTACT_ROLE_LABELS[role].toLowerCase()).join(' or ')} is on file for the district; the letter is addressed to the role.`,
    );
  }

  let built;
  try {
    built = buildLetter(kind, { ...base, ...specific.data, ...options.fields });
  } catch (error) {
    askForMissing(error, kind);
  }
  const merged = { ...base, ...specific.data, ...options.fields };
  const iee = kind === 'iee_request' ? ieeRequestSchema.safeParse(merged) : null;
  const ieeRequest = iee?.success
    ? {
        disputedEvaluation: iee.data.disputedEvaluation.title,
        disputedEvaluationOn: iee.data.disputedEvaluation.date,
        areas: iee.data.areas,
      }
    : undefined;
  const paragraphs = specific.extraParagraphs ? specific.extraParagraphs(built.paragraphs) : built.paragraphs;
  const from = sender(ctx);
  if (!from.name) warnings.push('Your name is not set in the advocate profile; add it before exporting.');
  return {
    kind,
    date,
    subject: built.subject,
    ...(built.salutation ? { salutation: built.salutation } : {}),
    paragraphs,
    closing: 'Sincerely,',
    to,
    from,
    cc,
    warnings: [...warnings, ...built.warnings],
    ...(ieeRequest ? { ieeRequest } : {}),
  };
}
