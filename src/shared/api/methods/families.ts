/** Families, guardians, students and districts. */
import {
  z,
} from 'zod';
import {
  emptyInput,
  recordId,
} from '../../domain/common';
import {
  district,
  districtFields,
  familyDetail,
  familyFields,
  familySummary,
  family,
  guardian,
  guardianFields,
  student,
  studentFields,
} from '../../domain/entities';

import {
  method,
  ok,
} from '../method';

export const familyMethods = {
  'families.list': method(
    'Families, optionally filtered by a search text',
    z.strictObject({ search: z.string().trim().max(200).optional() }).default({}),
    z.array(familySummary),
  ),
  'families.get': method('One family with guardians, students and cases', z.strictObject({ id: recordId }), familyDetail),
  'families.create': method('Create a family', familyFields, family),
  'families.update': method('Edit a family', z.strictObject({ id: recordId, fields: familyFields }), family),
  /** Removes everything of one family, everywhere. The family name must be typed to confirm. */
  'families.purge': method(
    'Purge a family and all its data',
    z.strictObject({ id: recordId, confirmName: z.string().max(500) }),
    ok,
  ),

  'guardians.create': method('Add a guardian', z.strictObject({ familyId: recordId, fields: guardianFields }), guardian),
  'guardians.update': method('Edit a guardian', z.strictObject({ id: recordId, fields: guardianFields }), guardian),
  'guardians.delete': method('Remove a guardian', z.strictObject({ id: recordId }), ok),

  'students.create': method('Add a student', z.strictObject({ familyId: recordId, fields: studentFields }), student),
  'students.update': method('Edit a student', z.strictObject({ id: recordId, fields: studentFields }), student),
  'students.delete': method('Remove a student and their cases', z.strictObject({ id: recordId }), ok),

  'districts.list': method('All districts', emptyInput, z.array(district)),
  'districts.create': method('Add a district', districtFields, district),
  'districts.update': method('Edit a district', z.strictObject({ id: recordId, fields: districtFields }), district),
} as const;
