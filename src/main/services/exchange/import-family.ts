import { createHash } from 'node:crypto';
import { strFromU8, type Unzipped } from 'fflate';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AppError } from '@shared/api/errors';
import { recordAudit } from '../audit/audit-service';
import { DEFAULT_PARSE_LIMITS, parseInProcess, type ParseLimits } from '../documents/parser-process';
import type { ServiceContext } from '../context';
import { EXCHANGE_TABLES, familyFileSchema, foreignKeysOf, manifestSchema, type FamilyFile, type Manifest } from './exchange-format';

/**
 * A family export is unzipped in the parser process, capped by the bytes actually inflated (a zip
 * whose headers lie about sizes is stopped there), with the process's own memory and time limits.
 */
export const FAMILY_ARCHIVE_LIMITS: ParseLimits = { ...DEFAULT_PARSE_LIMITS, timeoutMs: 120_000, maxInflatedMb: 1024, maxRssMb: 2560 };

export interface ImportResult {
  familyId: number;
  /** Rows inserted per table (districts and contacts that already existed are reused, not counted). */
  counts: Record<string, number>;
}

function invalid(message: string): AppError {
  return new AppError('VALIDATION', `This file cannot be imported: ${message} Nothing was imported.`);
}

async function unzip(bytes: Uint8Array, limits: ParseLimits): Promise<Unzipped> {
  const outcome = await parseInProcess('zip', bytes, limits);
  if (!outcome.ok)
    throw invalid(outcome.code === 'unreadable' || outcome.code === 'too_complex' ? outcome.message : `it could not be read. ${outcome.message}`);
  return (outcome.entries ?? {}) as Unzipped;
}

function parseJsonEntry(files: Unzipped, name: string): unknown {
  const entry = files[name];
  if (!entry) throw invalid(`${name} is missing.`);
  try {
    return JSON.parse(strFromU8(entry));
  } catch {
    throw invalid(`${name} is not valid JSON.`);
  }
}

/** Every check that can fail runs here, before the database is touched. */
function validate(files: Unzipped): { manifest: Manifest; family: FamilyFile } {
  const manifestResult = manifestSchema.safeParse(parseJsonEntry(files, 'manifest.json'));
  if (!manifestResult.success) throw invalid('its manifest is not an Advocate Desk family export of a version this app reads.');
  const manifest = manifestResult.data;
  if (!manifest.files['family.json']) throw invalid('its manifest does not list family.json.');
  for (const [name, expected] of Object.entries(manifest.files)) {
    const entry = files[name];
    if (!entry) throw invalid(`${name}, listed in the manifest, is missing.`);
    if (entry.byteLength !== expected.size || createHash('sha256').update(entry).digest('hex') !== expected.sha256) {
      throw invalid(`${name} does not match its checksum in the manifest (the file was changed or damaged).`);
    }
  }
  const familyResult = familyFileSchema().safeParse(parseJsonEntry(files, 'family.json'));
  if (!familyResult.success) {
    const issue = familyResult.error.issues[0];
    throw invalid(`family.json has an unexpected value at ${issue ? issue.path.join('.') : 'the top level'}.`);
  }
  const family = familyResult.data;
  if (family.tables['families']!.length !== 1) throw invalid('it must hold exactly one family.');
  for (const entry of EXCHANGE_TABLES) {
    if ((manifest.counts[entry.name] ?? 0) !== family.tables[entry.name]!.length) throw invalid(`the number of ${entry.name} does not match the manifest.`);
  }
  checkReferences(family);
  checkDocuments(files, manifest, family);
  return { manifest, family };
}

/** Every id a row refers to must be a row of the export itself: an import never links to existing records by id. */
function checkReferences(family: FamilyFile): void {
  const ids = new Map<string, Set<number>>();
  for (const entry of EXCHANGE_TABLES) {
    const rows = family.tables[entry.name]!;
    if ('id' in getTableColumns(entry.table)) {
      const seen = new Set<number>();
      for (const row of rows) {
        const id = row['id'] as number;
        if (seen.has(id)) throw invalid(`${entry.name} has the id ${id} twice.`);
        seen.add(id);
      }
      ids.set(entry.name, seen);
    }
    for (const [key, target] of foreignKeysOf(entry.table)) {
      const known = ids.get(target);
      for (const row of rows) {
        const value = row[key];
        if (value === null || value === undefined) continue;
        if (!known?.has(value as number)) throw invalid(`a row of ${entry.name} refers to ${target} ${String(value)}, which is not in the file.`);
      }
    }
  }
}

function checkDocuments(files: Unzipped, manifest: Manifest, family: FamilyFile): void {
  const documents = new Map(family.tables['documents']!.map((row) => [String(row['id']), row]));
  for (const [id, name] of Object.entries(family.documentFiles)) {
    const document = documents.get(id);
    if (!document) throw invalid(`${name} belongs to no document.`);
    const bytes = files[name];
    if (!bytes || !manifest.files[name]) throw invalid(`${name} is missing.`);
    if (createHash('sha256').update(bytes).digest('hex') !== document['sha256']) throw invalid(`${name} is not the document it claims to be.`);
  }
  for (const row of family.tables['document_contents']!) {
    if (!family.documentFiles[String(row['documentId'])]) throw invalid('a document has text but no file.');
  }
}

const TRIGGER_SOURCE = /^(.*):(event|iee|claim):(\d+)$/;

/**
 * Imports a family export into this vault as a NEW family: validated completely first, then
 * inserted in one transaction (all or nothing) with new ids. Districts are matched by name and
 * state, contacts by identical details, so importing into the vault they came from adds no
 * duplicates of shared records. Recorded in the audit log as the family's creation.
 */
export async function importFamily(ctx: ServiceContext, zipBytes: Uint8Array, limits: ParseLimits = FAMILY_ARCHIVE_LIMITS): Promise<ImportResult> {
  const files = await unzip(zipBytes, limits);
  const { family } = validate(files);
  return ctx.db.sqlite.transaction(() => {
    const idMaps = new Map<string, Map<number, number>>();
    const counts: Record<string, number> = {};
    const mapId = (table: string, oldId: unknown): number | null => {
      if (oldId === null || oldId === undefined) return null;
      const newId = idMaps.get(table)?.get(oldId as number);
      if (newId === undefined) throw invalid(`a reference to ${table} ${String(oldId)} could not be resolved.`);
      return newId;
    };
    for (const entry of EXCHANGE_TABLES) {
      const map = new Map<number, number>();
      idMaps.set(entry.name, map);
      counts[entry.name] = 0;
      const foreignKeys = foreignKeysOf(entry.table);
      // A make-up names the miss it replaces in the same table: misses (which replace nothing) go first.
      const rows =
        entry.name === 'deliveries'
          ? family.tables[entry.name]!.toSorted((a, b) => Number(a['replacesDeliveryId'] != null) - Number(b['replacesDeliveryId'] != null))
          : family.tables[entry.name]!;
      for (const row of rows) {
        const values: Record<string, unknown> = { ...row };
        delete values['id'];
        for (const [key, target] of foreignKeys) values[key] = mapId(target, row[key]);
        remapLooseReferences(entry.name, values, idMaps);
        if (entry.name === 'document_contents') values['content'] = Buffer.from(files[family.documentFiles[String(row['documentId'])]!]!);
        const existing = entry.name === 'districts' || entry.name === 'contacts' ? findShared(ctx, entry.name, values) : null;
        const newId = existing ?? insertRow(ctx, entry.table, values);
        if (existing === null) counts[entry.name]!++;
        if (typeof row['id'] === 'number' && newId !== null) map.set(row['id'], newId);
      }
    }
    const familyId = idMaps.get('families')!.values().next().value as number;
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    recordAudit(ctx.db, { action: 'create', entity: 'family', entityId: familyId, familyId, detail: `import rows=${rows}` }, ctx.now());
    return { familyId, counts };
  })();
}

function insertRow(ctx: ServiceContext, table: SQLiteTable, values: Record<string, unknown>): number | null {
  if (!('id' in getTableColumns(table))) {
    // Link tables: two exported contacts may have been matched to one existing contact.
    ctx.db.orm
      .insert(table)
      .values(values as never)
      .onConflictDoNothing()
      .run();
    return null;
  }
  const inserted = ctx.db.orm
    .insert(table)
    .values(values as never)
    .returning()
    .get() as Record<string, unknown>;
  return typeof inserted['id'] === 'number' ? inserted['id'] : null;
}

/** Ids kept inside JSON or text rather than foreign keys. */
function remapLooseReferences(table: string, values: Record<string, unknown>, idMaps: Map<string, Map<number, number>>): void {
  if (table === 'meetings' && Array.isArray(values['attendees'])) {
    values['attendees'] = (values['attendees'] as { contactId?: number; name: string }[]).map((attendee) => {
      if (attendee.contactId === undefined) return attendee;
      const contactId = idMaps.get('contacts')!.get(attendee.contactId);
      const { contactId: _old, ...rest } = attendee;
      return contactId === undefined ? rest : { ...rest, contactId };
    });
  }
  if (table === 'meeting_decisions' && typeof values['taskId'] === 'number') {
    values['taskId'] = idMaps.get('tasks')!.get(values['taskId']) ?? null;
  }
  // A derived deadline's trigger key names the event or IEE request that started it ('rule:event:12').
  if (table === 'tasks' && typeof values['triggerKey'] === 'string') {
    const match = TRIGGER_SOURCE.exec(values['triggerKey']);
    if (match) {
      const source = idMaps.get(match[2] === 'event' ? 'events' : match[2] === 'claim' ? 'claims' : 'iee_requests')!.get(Number(match[3]));
      if (source !== undefined) values['triggerKey'] = `${match[1]}:${match[2]}:${source}`;
    }
  }
}

function findShared(ctx: ServiceContext, table: 'districts' | 'contacts', values: Record<string, unknown>): number | null {
  if (table === 'districts') {
    const row = ctx.db.sqlite.prepare('SELECT id FROM districts WHERE name = ? AND state IS ?').get(values['name'], values['state'] ?? null) as
      { id: number } | undefined;
    return row?.id ?? null;
  }
  const row = ctx.db.sqlite
    .prepare(`SELECT id FROM contacts WHERE name = ? AND role = ? AND organization IS ? AND district_id IS ? AND email IS ? AND phone IS ? AND notes IS ?`)
    .get(
      values['name'],
      values['role'],
      values['organization'] ?? null,
      values['districtId'] ?? null,
      values['email'] ?? null,
      values['phone'] ?? null,
      values['notes'] ?? null,
    ) as { id: number } | undefined;
  return row?.id ?? null;
}
