/**
 * The one API contract between the renderer and main. Each method is declared here once with its
 * zod input and output; main's handler table must satisfy it (see src/main/api/handlers.ts), the
 * preload exposes exactly these names, and the renderer's client is typed from this file.
 *
 * Adding a method: (1) declare it here, (2) implement it in a service under src/main/services,
 * (3) add it to the handler table, (4) call it from the renderer with `api.call('x.y', input)`.
 */
import { z } from 'zod';
import { emptyInput, recordId } from '../domain/common';
import {
  caseDetail,
  caseFields,
  caseListItem,
  caseRecord,
  CASE_SORTS,
  contact,
  contactFields,
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
  timelineEvent,
  eventFields,
} from '../domain/entities';
import { CASE_STAGES, EVENT_TYPES } from '../domain/vocabulary';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** false only for the vault methods that must work while the vault is locked. */
  requiresUnlocked: boolean;
  summary: string;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
  requiresUnlocked = true,
): MethodSpec<I, O> {
  return { input, output, requiresUnlocked, summary };
}

const passphrase = z.string().min(1, 'Enter the passphrase').max(1024);
const ok = z.strictObject({ ok: z.literal(true) });

export const vaultState = z.enum(['no_vault', 'locked', 'unlocked', 'damaged']);
export const vaultStatus = z.strictObject({
  state: vaultState,
  path: z.string(),
  isDemo: z.boolean(),
  /** When state is 'damaged': what the integrity check found, for the recovery screen. */
  problem: z.string().nullable(),
  /** Copies taken before a schema migration, newest first: offered on the recovery screen. */
  preMigrationCopies: z.array(z.string()),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

const newPassphrase = z.strictObject({ passphrase: z.string().max(1024), confirmation: z.string().max(1024) })
  .refine((value) => value.passphrase === value.confirmation, {
    message: 'The two passphrases do not match',
    path: ['confirmation'],
  });

export const contract = {
  // ---- vault (work while locked) ----
  /** Where the vault is and whether it is unlocked. */
  'vault.status': method('Vault location and lock state', emptyInput, vaultStatus, false),
  /** Creates a new encrypted vault; returns the recovery key, shown once. */
  'vault.create': method(
    'Create a vault',
    newPassphrase,
    z.strictObject({ recoveryKey: z.string() }),
    false,
  ),
  /** Creates the demo caseload (synthetic families) in its own vault and opens it. */
  'vault.createDemo': method(
    'Create and open the demo caseload',
    z.strictObject({ passphrase: z.string().max(1024), confirmation: z.string().max(1024), families: z.number().int().min(1).max(500).default(40) }).refine(
      (value) => value.passphrase === value.confirmation,
      { message: 'The two passphrases do not match', path: ['confirmation'] },
    ),
    z.strictObject({ recoveryKey: z.string() }),
    false,
  ),
  /** Unlocks with the passphrase or the recovery key. A wrong one changes no file. */
  'vault.unlock': method(
    'Unlock the vault',
    z.union([z.strictObject({ passphrase }), z.strictObject({ recoveryKey: z.string().min(1).max(200) })]),
    vaultStatus,
    false,
  ),
  'vault.lock': method('Lock the vault now', emptyInput, vaultStatus, false),
  /** Points the app at another vault file (to open one or create one elsewhere). Only while locked. */
  'vault.usePath': method(
    'Use another vault file',
    z.strictObject({ path: z.string().trim().min(1, 'Enter a file path').max(4096) }),
    vaultStatus,
    false,
  ),
  /** Re-wraps the data key; the database itself is not rewritten. */
  'vault.changePassphrase': method(
    'Change the passphrase',
    z.strictObject({ currentPassphrase: passphrase, passphrase: z.string().max(1024), confirmation: z.string().max(1024) })
      .refine((value) => value.passphrase === value.confirmation, {
        message: 'The two passphrases do not match',
        path: ['confirmation'],
      }),
    ok,
  ),

  // ---- families ----
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
    z.strictObject({ id: recordId, confirmName: z.string() }),
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

  // ---- cases ----
  'cases.list': method(
    'The caseload: search, filter by stage and district, sort',
    z.strictObject({
        search: z.string().trim().max(200).optional(),
        stages: z.array(z.enum(CASE_STAGES)).max(CASE_STAGES.length).optional(),
        districtId: recordId.optional(),
        includeArchived: z.boolean().default(false),
        sort: z.enum(CASE_SORTS).default('recent_activity'),
      })
      .default({ includeArchived: false, sort: 'recent_activity' }),
    z.array(caseListItem),
  ),
  'cases.get': method('One case with student, family, district and contacts', z.strictObject({ id: recordId }), caseDetail),
  'cases.create': method('Open a case for a student', caseFields, caseRecord),
  'cases.update': method('Edit a case', z.strictObject({ id: recordId, fields: caseFields.omit({ studentId: true }) }), caseRecord),
  'cases.setArchived': method(
    'Archive or restore a case',
    z.strictObject({ id: recordId, archived: z.boolean() }),
    caseRecord,
  ),
  'cases.linkContact': method('Add a contact to a case', z.strictObject({ caseId: recordId, contactId: recordId }), ok),
  'cases.unlinkContact': method('Remove a contact from a case', z.strictObject({ caseId: recordId, contactId: recordId }), ok),

  // ---- contacts ----
  'contacts.list': method(
    'Contacts, by district or search text',
    z.strictObject({ districtId: recordId.optional(), search: z.string().trim().max(200).optional() }).default({}),
    z.array(contact),
  ),
  'contacts.create': method('Add a contact', contactFields, contact),
  'contacts.update': method('Edit a contact', z.strictObject({ id: recordId, fields: contactFields }), contact),
  'contacts.delete': method('Delete a contact', z.strictObject({ id: recordId }), ok),

  // ---- timeline ----
  'events.list': method(
    "A case's timeline in date order, optionally only some types",
    z.strictObject({ caseId: recordId, types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional() }),
    z.array(timelineEvent),
  ),
  'events.create': method('Add a timeline event', z.strictObject({ caseId: recordId, fields: eventFields }), timelineEvent),
  'events.update': method('Edit a timeline event', z.strictObject({ id: recordId, fields: eventFields }), timelineEvent),
  'events.delete': method('Delete a timeline event', z.strictObject({ id: recordId }), ok),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
