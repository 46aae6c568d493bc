import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import { studentsTable } from '../../db/schema';
import type { ServiceContext } from '../context';

/**
 * The family a student belongs to. Its own module because cases need it and families list cases:
 * keeping it here keeps the two services free of an import cycle.
 */
export function familyOfStudent(ctx: ServiceContext, id: number): number {
  const row = ctx.db.orm.select({ familyId: studentsTable.familyId }).from(studentsTable).where(eq(studentsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That student no longer exists.');
  return row.familyId;
}
