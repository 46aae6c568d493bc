import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { Family, FamilyDetail, FamilySummary, Guardian, Student } from '@shared/domain/entities';
import { familiesTable, guardiansTable, studentsTable } from '../../db/schema';
import { withDerivedIepDates } from '../deadlines/student-iep-dates';
import { todayOf } from '../deadlines/settings-store';
import { recordAudit } from '../audit/audit-service';
import { listCases } from '../cases/cases-service';
import { guardiansOfFamily } from './family-guardians';
import { familyHints } from './family-hints';
import type { ServiceContext } from '../context';
import { familyOfStudent } from './student-family';

export { familyOfStudent };

export function getFamilyRow(ctx: ServiceContext, id: number): Family {
  const row = ctx.db.orm.select().from(familiesTable).where(eq(familiesTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That family no longer exists.');
  return row;
}

export function listFamilies(ctx: ServiceContext, input: ParsedInput<'families.list'>): FamilySummary[] {
  const search = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT f.id, f.name, f.updated_at AS updatedAt,
              (SELECT json_group_array(s.first_name || ' ' || s.last_name) FROM students s WHERE s.family_id = f.id) AS studentNames,
              (SELECT count(*) FROM cases c JOIN students s ON s.id = c.student_id
                WHERE s.family_id = f.id AND c.archived_at IS NULL AND c.stage != 'closed') AS openCaseCount
         FROM families f
        WHERE ? IS NULL OR f.name LIKE ? ESCAPE '\\'
           OR EXISTS (SELECT 1 FROM students s WHERE s.family_id = f.id AND (s.first_name || ' ' || s.last_name) LIKE ? ESCAPE '\\')
        ORDER BY f.name COLLATE NOCASE, f.id`,
    )
    .all(search, search, search) as { id: number; name: string; updatedAt: string; studentNames: string; openCaseCount: number }[];
  const hints = familyHints(ctx.db);
  return rows.map((row) => ({ ...row, studentNames: JSON.parse(row.studentNames) as string[], hint: hints.get(row.id) ?? null }));
}

export function getFamily(ctx: ServiceContext, id: number): FamilyDetail {
  const family = getFamilyRow(ctx, id);
  const guardians: Guardian[] = guardiansOfFamily(ctx, id);
  const students: Student[] = withDerivedIepDates(
    ctx.db,
    ctx.db.orm.select().from(studentsTable).where(eq(studentsTable.familyId, id)).orderBy(asc(studentsTable.firstName), asc(studentsTable.id)).all(),
    todayOf(ctx),
  );
  const cases = listCases(ctx, { includeArchived: true, sort: 'opened', familyId: id });
  return { family, guardians, students, cases };
}

export function createFamily(ctx: ServiceContext, fields: ParsedInput<'families.create'>): Family {
  return ctx.db.sqlite.transaction(() => {
    const row = ctx.db.orm.insert(familiesTable).values(fields).returning().get();
    recordAudit(ctx.db, { action: 'create', entity: 'family', entityId: row.id, familyId: row.id }, ctx.now());
    return row;
  })();
}

export function updateFamily(ctx: ServiceContext, input: ParsedInput<'families.update'>): Family {
  return ctx.db.sqlite.transaction(() => {
    getFamilyRow(ctx, input.id);
    const row = ctx.db.orm
      .update(familiesTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(familiesTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'family', entityId: input.id, familyId: input.id }, ctx.now());
    return row!;
  })();
}

/**
 * Removes the family and, through ON DELETE CASCADE, its guardians, students, cases and every
 * record under them. secure_delete zeroes the freed pages; the WAL checkpoint drops the old frames.
 */
export function purgeFamily(ctx: ServiceContext, input: ParsedInput<'families.purge'>): { ok: true } {
  const family = getFamilyRow(ctx, input.id);
  if (input.confirmName.trim() !== family.name.trim()) {
    throw new AppError('VALIDATION', 'Type the family name exactly as shown to confirm the purge.', {
      confirmName: 'Does not match the family name',
    });
  }
  ctx.db.sqlite.transaction(() => {
    ctx.db.orm.delete(familiesTable).where(eq(familiesTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'purge', entity: 'family', entityId: input.id, familyId: input.id }, ctx.now());
  })();
  ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { ok: true };
}

// ---------- guardians ----------

function familyOfGuardian(ctx: ServiceContext, id: number): number {
  const row = ctx.db.orm.select({ familyId: guardiansTable.familyId }).from(guardiansTable).where(eq(guardiansTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That guardian no longer exists.');
  return row.familyId;
}

export function createGuardian(ctx: ServiceContext, input: ParsedInput<'families.createGuardian'>): Guardian {
  return ctx.db.sqlite.transaction(() => {
    getFamilyRow(ctx, input.familyId);
    if (input.fields.isPrimary) {
      ctx.db.orm.update(guardiansTable).set({ isPrimary: false }).where(eq(guardiansTable.familyId, input.familyId)).run();
    }
    const row = ctx.db.orm
      .insert(guardiansTable)
      .values({ ...input.fields, familyId: input.familyId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'guardian', entityId: row.id, familyId: input.familyId }, ctx.now());
    return row;
  })();
}

export function updateGuardian(ctx: ServiceContext, input: ParsedInput<'families.updateGuardian'>): Guardian {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfGuardian(ctx, input.id);
    if (input.fields.isPrimary) {
      ctx.db.orm
        .update(guardiansTable)
        .set({ isPrimary: false })
        .where(and(eq(guardiansTable.familyId, familyId)))
        .run();
    }
    const row = ctx.db.orm.update(guardiansTable).set(input.fields).where(eq(guardiansTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'guardian', entityId: input.id, familyId }, ctx.now());
    return row!;
  })();
}

export function deleteGuardian(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfGuardian(ctx, id);
    ctx.db.orm.delete(guardiansTable).where(eq(guardiansTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'guardian', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

// ---------- students ----------

export function createStudent(ctx: ServiceContext, input: ParsedInput<'families.createStudent'>): Student {
  return ctx.db.sqlite.transaction(() => {
    getFamilyRow(ctx, input.familyId);
    const row = ctx.db.orm
      .insert(studentsTable)
      .values({ ...input.fields, familyId: input.familyId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'student', entityId: row.id, familyId: input.familyId }, ctx.now());
    return withDerivedIepDates(ctx.db, [row], todayOf(ctx))[0]!;
  })();
}

export function updateStudent(ctx: ServiceContext, input: ParsedInput<'families.updateStudent'>): Student {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfStudent(ctx, input.id);
    const row = ctx.db.orm.update(studentsTable).set(input.fields).where(eq(studentsTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'student', entityId: input.id, familyId }, ctx.now());
    return withDerivedIepDates(ctx.db, [row!], todayOf(ctx))[0]!;
  })();
}

export function deleteStudent(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfStudent(ctx, id);
    ctx.db.orm.delete(studentsTable).where(eq(studentsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'student', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
