/**
 * The one API contract between the renderer and main. Each domain declares its methods (zod input,
 * zod output, a summary) in src/shared/api/methods/<domain>.ts; this file joins them. Main's
 * handler table must satisfy it (src/main/api/handlers.ts), the preload exposes exactly these
 * names, and the renderer's client is typed from it.
 *
 * Adding a method: (1) declare it in methods/<domain>.ts, (2) implement it in a service under
 * src/main/services, (3) add it to the handler table, (4) call it from the renderer with
 * `call('domain.verb', input)`.
 */
import type { z } from 'zod';
import { agreementMethods } from './methods/agreements';
import { auditMethods } from './methods/audit';
import { backupsMethods } from './methods/backups';
import { bundlesMethods } from './methods/bundles';
import { calendarMethods } from './methods/calendars';
import { caseMethods } from './methods/cases';
import { claimsMethods } from './methods/claims';
import { consentsMethods } from './methods/consents';
import { contactsMethods } from './methods/contacts';
import { dashboardMethods } from './methods/dashboard';
import { deadlineMethods } from './methods/deadlines';
import { diagnosticsMethods } from './methods/diagnostics';
import { districtsMethods } from './methods/districts';
import { documentMethods } from './methods/documents';
import { escalationMethods } from './methods/escalation';
import { timelineMethods } from './methods/events';
import { familyMethods } from './methods/families';
import { fileMethods } from './methods/files';
import { ieeMethods } from './methods/iee';
import { iepsMethods } from './methods/ieps';
import { jurisdictionsMethods } from './methods/jurisdictions';
import { lettersMethods } from './methods/letters';
import { meetingMethods } from './methods/meetings';
import { profileMethods } from './methods/profile';
import { retentionMethods } from './methods/retention';
import { searchMethods } from './methods/search';
import { sessionMethods } from './methods/session';
import { timeMethods } from './methods/time';
import { trialsMethods } from './methods/trials';
import { vaultMethods } from './methods/vault';

export type { MethodSpec } from './method';
export { vaultStatus, vaultState, type VaultStatus } from './vault-schemas';

export const contract = {
  ...agreementMethods,
  ...auditMethods,
  ...backupsMethods,
  ...bundlesMethods,
  ...calendarMethods,
  ...caseMethods,
  ...claimsMethods,
  ...consentsMethods,
  ...contactsMethods,
  ...dashboardMethods,
  ...deadlineMethods,
  ...diagnosticsMethods,
  ...districtsMethods,
  ...documentMethods,
  ...escalationMethods,
  ...timelineMethods,
  ...familyMethods,
  ...fileMethods,
  ...ieeMethods,
  ...iepsMethods,
  ...jurisdictionsMethods,
  ...lettersMethods,
  ...meetingMethods,
  ...profileMethods,
  ...retentionMethods,
  ...searchMethods,
  ...sessionMethods,
  ...timeMethods,
  ...trialsMethods,
  ...vaultMethods,
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
