/** Families, guardians, students and districts. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { familyDetail, familyFields, familySummary, family, guardian, guardianFields, student, studentFields } from '../../domain/entities';

import { method, ok } from '../method';
import { fileRef } from '../file-ref';

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
  'families.purge': method('Purge a family and all its data', z.strictObject({ id: recordId, confirmName: z.string().max(500) }), ok),

  'families.createGuardian': method('Add a guardian', z.strictObject({ familyId: recordId, fields: guardianFields }), guardian),
  'families.updateGuardian': method('Edit a guardian', z.strictObject({ id: recordId, fields: guardianFields }), guardian),
  'families.deleteGuardian': method('Remove a guardian', z.strictObject({ id: recordId }), ok),

  'families.createStudent': method('Add a student', z.strictObject({ familyId: recordId, fields: studentFields }), student),
  'families.updateStudent': method('Edit a student', z.strictObject({ id: recordId, fields: studentFields }), student),
  'families.deleteStudent': method('Remove a student and their cases', z.strictObject({ id: recordId }), ok),
  /**
   * Everything of one family as a zip (JSON, CSV and the original documents), written where the
   * advocate chooses (save dialog), atomically, and audited once written. The zip is not
   * encrypted: the screen confirms before exporting and says so. A failed write is FILE_WRITE_FAILED.
   */
  'families.export': method(
    'Export a family to a file the user chooses',
    z.strictObject({ id: recordId }),
    z.strictObject({ fileName: z.string(), savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
  /** Imports a family export (a file by reference: src/shared/api/file-ref.ts) as a new family: all of it or nothing. */
  'families.import': method(
    'Import a family export',
    z.strictObject({ file: fileRef }),
    z.strictObject({ familyId: recordId, counts: z.record(z.string(), z.number().int().nonnegative()) }),
  ),
} as const;
