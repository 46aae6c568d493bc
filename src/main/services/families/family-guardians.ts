import { asc, desc, eq } from 'drizzle-orm';
import { guardiansTable, type GuardianRow } from '../../db/schema';
import type { ServiceContext } from '../context';

/**
 * A family's parents and guardians in the one order every screen, letter, binder and notice uses:
 * the primary guardian first, then the others in the order they were added (the order the
 * advocate entered them on the family page, which is usually the order the family gave).
 */
export function guardiansOfFamily(ctx: ServiceContext, familyId: number): GuardianRow[] {
  return ctx.db.orm
    .select()
    .from(guardiansTable)
    .where(eq(guardiansTable.familyId, familyId))
    .orderBy(desc(guardiansTable.isPrimary), asc(guardiansTable.id))
    .all();
}
