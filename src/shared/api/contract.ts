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
import { calendarMethods } from './methods/calendars';
import { caseMethods } from './methods/cases';
import { dashboardMethods } from './methods/dashboard';
import { deadlineMethods } from './methods/deadlines';
import { documentMethods } from './methods/documents';
import { familyMethods } from './methods/families';
import { fileMethods } from './methods/files';
import { ieeMethods } from './methods/iee';
import { timelineMethods } from './methods/timeline';
import { vaultMethods } from './methods/vault';
import { protectionMethods } from './methods/protection';
import { meetingMethods } from './methods/meetings';
import { searchMethods } from './methods/search';
import { timeMethods } from './methods/time';
import { diagnosticsMethods } from './methods/diagnostics';

export type { MethodSpec } from './method';
export { vaultStatus, vaultState, type VaultStatus } from './vault-schemas';

export const contract = {
  ...vaultMethods,
  ...fileMethods,
  ...familyMethods,
  ...caseMethods,
  ...timelineMethods,
  ...deadlineMethods,
  ...ieeMethods,
  ...calendarMethods,
  ...dashboardMethods,
  ...agreementMethods,
  ...protectionMethods,
  ...documentMethods,
  ...meetingMethods,
  ...searchMethods,
  ...timeMethods,
  ...diagnosticsMethods,
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
