import { asc, eq, or, like, and, type SQL } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { Contact } from '@shared/domain/entities';
import { contactsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

export function listContacts(ctx: ServiceContext, input: ParsedInput<'contacts.list'>): Contact[] {
  const conditions: SQL[] = [];
  if (input.districtId !== undefined) conditions.push(eq(contactsTable.districtId, input.districtId));
  if (input.search) {
    const pattern = `%${input.search}%`;
    conditions.push(or(like(contactsTable.name, pattern), like(contactsTable.organization, pattern))!);
  }
  return ctx.db.orm
    .select()
    .from(contactsTable)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(contactsTable.name))
    .all() as Contact[];
}

function ensureContact(ctx: ServiceContext, id: number): void {
  if (!ctx.db.orm.select({ id: contactsTable.id }).from(contactsTable).where(eq(contactsTable.id, id)).get()) {
    throw new AppError('NOT_FOUND', 'That contact no longer exists.');
  }
}

export function createContact(ctx: ServiceContext, fields: ParsedInput<'contacts.create'>): Contact {
  return ctx.db.sqlite.transaction(() => {
    const row = ctx.db.orm.insert(contactsTable).values(fields).returning().get();
    recordAudit(ctx.db, { action: 'create', entity: 'contact', entityId: row.id, familyId: null }, ctx.now());
    return row as Contact;
  })();
}

export function updateContact(ctx: ServiceContext, input: ParsedInput<'contacts.update'>): Contact {
  return ctx.db.sqlite.transaction(() => {
    ensureContact(ctx, input.id);
    const row = ctx.db.orm.update(contactsTable).set(input.fields).where(eq(contactsTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'contact', entityId: input.id, familyId: null }, ctx.now());
    return row as Contact;
  })();
}

export function deleteContact(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    ensureContact(ctx, id);
    ctx.db.orm.delete(contactsTable).where(eq(contactsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'contact', entityId: id, familyId: null }, ctx.now());
  })();
  return { ok: true };
}
