import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import dayjs from 'dayjs';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError } from '@shared/api/errors';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { toCsv } from './csv';
import {
  documentEntryName,
  EXCHANGE_TABLES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportedColumns,
  FAMILY_FORMAT,
  type FamilyFile,
  type Manifest,
} from './exchange-format';

export interface FamilyExport {
  /** No names in it: the file name shows in folders and recent-file lists. */
  fileName: string;
  bytes: Uint8Array;
  documentCount: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function selectRows(ctx: ServiceContext, table: SQLiteTable, where: ReturnType<(typeof EXCHANGE_TABLES)[number]['scope']>): Record<string, unknown>[] {
  const columns = Object.fromEntries(exportedColumns(table).map(({ key, column }) => [key, column]));
  return ctx.db.orm.select(columns).from(table).where(where).all() as Record<string, unknown>[];
}

function eventsCsv(ctx: ServiceContext, familyId: number): string {
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT e.id, c.id AS caseId, c.title AS caseTitle, e.occurred_on, e.type, e.title, e.people, ct.name AS contact, e.details
         FROM events e JOIN cases c ON c.id = e.case_id JOIN students s ON s.id = c.student_id
         LEFT JOIN contacts ct ON ct.id = e.contact_id
        WHERE s.family_id = ? ORDER BY e.occurred_on, e.id`,
    )
    .raw()
    .all(familyId) as unknown[][];
  return toCsv(['event_id', 'case_id', 'case', 'date', 'type', 'title', 'people', 'contact', 'details'], rows);
}

function deliveriesCsv(ctx: ServiceContext, familyId: number): string {
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT d.id, a.id, a.title, t.id, t.description, d.delivered_on, d.minutes, d.count, d.provider, d.status, d.note
         FROM deliveries d JOIN agreement_terms t ON t.id = d.term_id JOIN agreements a ON a.id = t.agreement_id
         JOIN cases c ON c.id = a.case_id JOIN students s ON s.id = c.student_id
        WHERE s.family_id = ? ORDER BY d.delivered_on, d.id`,
    )
    .raw()
    .all(familyId) as unknown[][];
  return toCsv(['delivery_id', 'agreement_id', 'agreement', 'term_id', 'term', 'delivered_on', 'minutes', 'count', 'provider', 'status', 'note'], rows);
}

/**
 * Everything of one family as a zip (see exchange-format.ts), read in one transaction so the
 * export is a consistent snapshot, and recorded in the audit log as an 'export'. The zip is NOT
 * encrypted: it is meant to leave the vault (for the family, or for another vault), which the
 * screen that offers it must say.
 */
export function exportFamily(ctx: ServiceContext, familyId: number): FamilyExport {
  const exported = buildFamilyExport(ctx, familyId);
  recordFamilyExport(ctx, familyId, exported.documentCount);
  return exported;
}

/** The audit entry of a family export: written once the file exists (the app saves it first). */
export function recordFamilyExport(ctx: ServiceContext, familyId: number, documentCount: number): void {
  recordAudit(ctx.db, { action: 'export', entity: 'family', entityId: familyId, familyId, detail: `documents=${documentCount}` }, ctx.now());
}

/** The zip, read in one transaction (a consistent snapshot); not audited. */
export function buildFamilyExport(ctx: ServiceContext, familyId: number): FamilyExport {
  return ctx.db.sqlite.transaction(() => {
    const exists = ctx.db.sqlite.prepare('SELECT 1 FROM families WHERE id = ?').get(familyId);
    if (!exists) throw new AppError('NOT_FOUND', 'That family no longer exists.');
    const now = ctx.now();
    const tables: FamilyFile['tables'] = {};
    const counts: Manifest['counts'] = {};
    for (const entry of EXCHANGE_TABLES) {
      tables[entry.name] = selectRows(ctx, entry.table, entry.scope(familyId));
      counts[entry.name] = tables[entry.name]!.length;
    }

    const files: Zippable = {};
    const documentFiles: FamilyFile['documentFiles'] = {};
    const content = ctx.db.sqlite.prepare('SELECT content FROM document_contents WHERE document_id = ?').pluck();
    for (const document of tables['documents']!) {
      const id = document['id'] as number;
      const bytes = content.get(id) as Buffer | undefined;
      // A document whose bytes are missing is exported as metadata only; the import accepts that.
      if (!bytes) continue;
      const name = documentEntryName(id, document['originalName'] as string | null, document['title'] as string);
      documentFiles[String(id)] = name;
      files[name] = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const family: FamilyFile = { format: FAMILY_FORMAT, version: EXPORT_VERSION, tables, documentFiles };
    files['family.json'] = strToU8(JSON.stringify(family, null, 1));
    files['events.csv'] = strToU8(eventsCsv(ctx, familyId));
    files['deliveries.csv'] = strToU8(deliveriesCsv(ctx, familyId));

    const manifest: Manifest = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), counts, files: {} };
    for (const [name, bytes] of Object.entries(files)) {
      const data = bytes as Uint8Array;
      manifest.files[name] = { sha256: sha256(data), size: data.byteLength };
    }
    const zipped = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest, null, 1)), ...files }, { level: 6, mtime: now });
    return {
      fileName: `advocate-desk-family-${familyId}-${dayjs(now).format('YYYYMMDD')}.zip`,
      bytes: zipped,
      documentCount: Object.keys(documentFiles).length,
    };
  })();
}
