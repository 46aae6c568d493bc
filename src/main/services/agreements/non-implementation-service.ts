/**
 * The data for a notice of non-implementation: the findings (src/shared/compliance
 * buildNonImplementationNotice) and whom the letter goes to. A signed mediation agreement is
 * enforceable (34 CFR 300.506(b)(7)); the notice goes up the district hierarchy to the director of
 * special education, who answers for implementation, with the case's other contacts for copies.
 */
import { buildNonImplementationNotice } from '@shared/compliance';
import type { Contact } from '@shared/domain/entities';
import type { NonImplementationData } from '@shared/domain/agreements';
import type { ContactRole } from '@shared/domain/vocabulary';
import { loadCaseFacts, type CaseFacts } from '../cases/case-loader';
import type { ServiceContext } from '../context';
import { computeAgreement } from './compliance-service';
import { toAgreementRecord } from './records';

/** Most senior first; escalation goes up this list. Roles outside the district come last. */
const ROLE_SENIORITY: readonly ContactRole[] = [
  'director_of_special_education',
  'assistant_superintendent',
  'district_counsel',
  'program_specialist',
  'principal',
  'case_manager',
  'school_psychologist',
  'special_education_teacher',
  'related_service_provider',
  'general_education_teacher',
  'evaluator',
  'mediator',
  'attorney',
  'other',
];

/** Who a notice is addressed to, in order of preference; counsel is copied, not addressed. */
const RECIPIENT_ROLES: readonly ContactRole[] = [
  'director_of_special_education',
  'assistant_superintendent',
  'program_specialist',
  'principal',
  'case_manager',
];

function seniority(role: ContactRole): number {
  const index = ROLE_SENIORITY.indexOf(role);
  return index === -1 ? ROLE_SENIORITY.length : index;
}

/**
 * The case's contacts and its district's, most senior first; within a role the ones linked to the
 * case (the advocate chose them) come before the rest of the district's.
 */
function contactsFor(facts: CaseFacts): Contact[] {
  const linkedIds = new Set(facts.caseContacts.map((contact) => contact.id));
  return [...facts.caseContacts, ...facts.districtContacts].sort(
    (a, b) => seniority(a.role) - seniority(b.role) || Number(linkedIds.has(b.id)) - Number(linkedIds.has(a.id)) || a.name.localeCompare(b.name),
  );
}

function recipientOf(contacts: readonly Contact[]): Contact | null {
  for (const role of RECIPIENT_ROLES) {
    const found = contacts.find((contact) => contact.role === role);
    if (found) return found;
  }
  return null;
}

export function nonImplementationData(ctx: ServiceContext, agreementId: number, asOf: string): NonImplementationData {
  const computed = computeAgreement(ctx, agreementId, asOf);
  const { agreement } = computed;
  const notice = buildNonImplementationNotice({ id: agreement.id, title: agreement.title, signedOn: agreement.signedOn }, computed.terms, computed.compliance);
  // The one case loader, as letters and binders use it: same district, same guardians in the same order.
  const facts = loadCaseFacts(ctx, agreement.caseId);
  const { caseRecord: caseRow, student, family, guardians, district } = facts;
  const contacts = contactsFor(facts);
  return {
    notice,
    agreement: toAgreementRecord(agreement),
    case: { id: caseRow.id, title: caseRow.title },
    family: { id: family.id, name: family.name, address: family.address, email: family.email, phone: family.phone },
    guardians: guardians.map(({ name, relationship, email, isPrimary }) => ({ name, relationship, email, isPrimary })),
    student: {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      dateOfBirth: student.dateOfBirth,
      school: student.school,
      grade: student.grade,
    },
    district,
    recipient: recipientOf(contacts),
    contacts,
  };
}
