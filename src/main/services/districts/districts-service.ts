import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { District } from '@shared/domain/entities';
import { districtsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

export function listDistricts(ctx: ServiceContext): District[] {
  return ctx.db.orm.select().from(districtsTable).orderBy(asc(districtsTable.name)).all();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE');
}

export function createDistrict(ctx: ServiceContext, fields: ParsedInput<'districts.create'>): District {
  try {
    return ctx.db.sqlite.transaction(() => {
      const row = ctx.db.orm.insert(districtsTable).values(fields).returning().get();
      recordAudit(ctx.db, { action: 'create', entity: 'district', entityId: row.id, familyId: null }, ctx.now());
      return row;
    })();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A district with that name already exists in that state.', { name: 'Already exists' });
    throw error;
  }
}

export function updateDistrict(ctx: ServiceContext, input: ParsedInput<'districts.update'>): District {
  return ctx.db.sqlite.transaction(() => {
    const row = ctx.db.orm.update(districtsTable).set(input.fields).where(eq(districtsTable.id, input.id)).returning().get();
    if (!row) throw new AppError('NOT_FOUND', 'That district no longer exists.');
    recordAudit(ctx.db, { action: 'update', entity: 'district', entityId: input.id, familyId: null }, ctx.now());
    return row;
  })();
}
