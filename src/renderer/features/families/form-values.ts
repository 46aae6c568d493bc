import type { Family, Guardian, Student } from '@shared/domain/entities';

/** Form-side shapes: every text is a string ('' for blank), ids in Selects are strings. */
export type FamilyValues = {
  name: string;
  primaryLanguage: string;
  email: string;
  phone: string;
  address: string;
  engagedOn: string;
  consentOn: string;
  notes: string;
};
export type GuardianValues = {
  name: string;
  relationship: string;
  email: string;
  phone: string;
  isPrimary: boolean;
};
export type StudentValues = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  school: string;
  grade: string;
  districtId: string | null;
  eligibilityCategory: string;
  iepStartOn: string;
};

export function familyValues(family?: Family): FamilyValues {
  return {
    name: family?.name ?? '',
    primaryLanguage: family?.primaryLanguage ?? '',
    email: family?.email ?? '',
    phone: family?.phone ?? '',
    address: family?.address ?? '',
    engagedOn: family?.engagedOn ?? '',
    consentOn: family?.consentOn ?? '',
    notes: family?.notes ?? '',
  };
}

export function guardianValues(guardian?: Guardian): GuardianValues {
  return {
    name: guardian?.name ?? '',
    relationship: guardian?.relationship ?? '',
    email: guardian?.email ?? '',
    phone: guardian?.phone ?? '',
    isPrimary: guardian?.isPrimary ?? false,
  };
}

export function studentValues(student?: Student): StudentValues {
  return {
    firstName: student?.firstName ?? '',
    lastName: student?.lastName ?? '',
    dateOfBirth: student?.dateOfBirth ?? '',
    school: student?.school ?? '',
    grade: student?.grade ?? '',
    districtId: student?.districtId ? String(student.districtId) : null,
    eligibilityCategory: student?.eligibilityCategory ?? '',
    iepStartOn: student?.iepStartOn ?? '',
  };
}

/** Select values are strings; the schema wants a number or null. */
export function studentInput(values: StudentValues) {
  return { ...values, districtId: values.districtId ? Number(values.districtId) : null };
}

/** True when the advocate typed anything into an optional section of the new-family form. */
export function hasAnyText(values: object): boolean {
  return Object.values(values).some((value) => typeof value === 'string' && value.trim() !== '');
}
