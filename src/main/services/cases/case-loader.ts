import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { Contact } from '@shared/domain/entities';
import type { ContactRole } from '@shared/domain/vocabulary';
import {
  caseContactsTable,
  casesTable,
  contactsTable,
  districtsTable,
  familiesTable,
  studentsTable,
  type DistrictRow,
  type FamilyRow,
  type GuardianRow,
  type StudentRow,
} from '../../db/schema';
import type { ServiceContext } from '../context';
import { guardiansOfFamily } from '../families/family-guardians';
import type { CaseRecord } from '@shared/domain/entities';

/**
 * Everything about a case that the case page, letters, binders and the notice of
 * non-implementation show: who, which child, which district. The one loader of a case, so every
 * one of them names the same district and lists the same people in the same order.
 */
export interface CaseFacts {
  caseRecord: CaseRecord;
  student: StudentRow;
  family: FamilyRow;
  /** Primary guardian first, then in the order they were added (`guardiansOfFamily`). */
  guardians: GuardianRow[];
  district: DistrictRow | null;
  /** Contacts the advocate linked to the case. */
  caseContacts: Contact[];
  /** The district's other contacts, for addressing letters up the hierarchy. */
  districtContacts: Contact[];
}

/** The case's own row; NOT_FOUND for an unknown case. */
export function getCaseRow(ctx: ServiceContext, id: number): CaseRecord {
  const row = ctx.db.orm.select().from(casesTable).where(eq(casesTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That case no longer exists.');
  return row as CaseRecord;
}

/**
 * Loads a case with its student, family, guardians, district (the case's own, else the student's)
 * and contacts (linked to the case, and the district's others, each by name); NOT_FOUND for an
 * unknown case.
 */
export function loadCaseFacts(ctx: ServiceContext, caseId: number): CaseFacts {
  const caseRecord = getCaseRow(ctx, caseId);
  const student = ctx.db.orm.select().from(studentsTable).where(eq(studentsTable.id, caseRecord.studentId)).get()!;
  const family = ctx.db.orm.select().from(familiesTable).where(eq(familiesTable.id, student.familyId)).get()!;
  const guardians = guardiansOfFamily(ctx, family.id);
  // The case's district, else the student's: older cases were opened before districts were set.
  const districtId = caseRecord.districtId ?? student.districtId;
  const district = districtId === null ? null : (ctx.db.orm.select().from(districtsTable).where(eq(districtsTable.id, districtId)).get() ?? null);
  const caseContacts = ctx.db.orm
    .select({ contact: contactsTable })
    .from(caseContactsTable)
    .innerJoin(contactsTable, eq(contactsTable.id, caseContactsTable.contactId))
    .where(eq(caseContactsTable.caseId, caseId))
    .orderBy(asc(contactsTable.name))
    .all()
    .map((row) => row.contact as Contact);
  const linked = new Set(caseContacts.map((contact) => contact.id));
  const districtContacts =
    districtId === null
      ? []
      : (ctx.db.orm.select().from(contactsTable).where(eq(contactsTable.districtId, districtId)).orderBy(asc(contactsTable.name)).all() as Contact[]).filter(
          (contact) => !linked.has(contact.id),
        );
  return { caseRecord, student, family, guardians, district, caseContacts, districtContacts };
}

export function studentName(facts: CaseFacts): string {
  return `${facts.student.firstName} ${facts.student.lastName}`;
}

/** The first contact with one of `roles`, in the order given; the case's own contacts win over the district's. */
export function contactByRoles(facts: CaseFacts, roles: readonly ContactRole[]): Contact | null {
  for (const role of roles) {
    const found = facts.caseContacts.find((contact) => contact.role === role) ?? facts.districtContacts.find((contact) => contact.role === role);
    if (found) return found;
  }
  return null;
}
