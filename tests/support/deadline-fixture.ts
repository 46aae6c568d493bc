import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import { createApi } from '../../src/main/api/create-api';
import type { ServiceContext } from '../../src/main/services/context';
import { STRONG_PASSPHRASE, tempVault, type TempVault } from './temp-vault';

/**
 * A real encrypted vault behind the real dispatcher (inputs and outputs checked against the
 * contract), with a clock the test moves: `setToday('2026-03-04')`.
 */
export interface TrackedVault {
  temp: TempVault;
  ctx: ServiceContext;
  setToday: (date: string) => void;
  call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  /** The error code of a call expected to fail. */
  failure: <M extends MethodName>(method: M, input: unknown) => Promise<string>;
}

export async function trackedVault(today: string): Promise<TrackedVault> {
  const temp = tempVault();
  // Local noon: the local calendar date is `today` in every time zone the tests run in.
  let now = new Date(`${today}T12:00:00`);
  const clock = () => now;
  const dispatch = createApi({ vault: temp.vault, now: clock, demoPath: `${temp.path}.demo` });
  await temp.vault.create(STRONG_PASSPHRASE);
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const failure = async (method: MethodName, input: unknown): Promise<string> => {
    const result = await dispatch(method, input);
    if (result.ok) throw new Error(`${method} was expected to fail`);
    return result.error.code;
  };
  return {
    temp,
    ctx: { db: temp.vault.db(), now: clock },
    setToday: (date) => {
      now = new Date(`${date}T12:00:00`);
    },
    call,
    failure,
  };
}

export interface CaseSeed {
  family: string;
  firstName: string;
  lastName: string;
  districtId?: number | null;
  jurisdiction?: MethodInput<'cases.create'>['jurisdiction'];
  stage?: MethodInput<'cases.create'>['stage'];
  events?: {
    type: MethodInput<'events.create'>['fields']['type'];
    on: string;
    title?: string;
    kind?: string;
    attributes?: Record<string, string | number | boolean>;
  }[];
}

/** The kind a seeded fact gets unless the test names one: the common reading of each type. */
export const DEFAULT_KINDS: Record<string, string> = {
  iep_meeting: 'annual',
  consent_to_evaluate: 'initial',
  eligibility_decision: 'initial',
  evaluation: 'initial',
  due_process_filed: 'parent',
  complaint_withdrawn: 'due_process',
};
/** A seeded removal is a change of placement unless the test says otherwise. */
const DEFAULT_ATTRIBUTES: Record<string, Record<string, string | number | boolean>> = { disciplinary_removal: { schoolDays: 11 } };

/** A family, a student and one case with the given timeline events; returns their ids. */
export async function seedCase(vault: TrackedVault, seed: CaseSeed) {
  const family = await vault.call('families.create', { name: seed.family });
  const student = await vault.call('families.createStudent', {
    familyId: family.id,
    fields: { firstName: seed.firstName, lastName: seed.lastName, districtId: seed.districtId ?? null },
  });
  const record = await vault.call('cases.create', {
    studentId: student.id,
    title: `${seed.firstName}'s services`,
    stage: seed.stage ?? 'intake',
    jurisdiction: seed.jurisdiction ?? 'US',
    districtId: seed.districtId ?? null,
    openedOn: '2025-09-01',
  });
  const eventIds: number[] = [];
  for (const event of seed.events ?? []) {
    const created = await vault.call('events.create', {
      caseId: record.id,
      fields: {
        occurredOn: event.on,
        type: event.type,
        kind: event.kind ?? DEFAULT_KINDS[event.type] ?? null,
        attributes: event.attributes ?? DEFAULT_ATTRIBUTES[event.type] ?? null,
        title: event.title ?? event.type,
      },
    });
    eventIds.push(created.id);
  }
  return { familyId: family.id, studentId: student.id, caseId: record.id, eventIds };
}

/** The audit rows of one action, oldest first. */
export function auditRows(vault: TrackedVault, action: string) {
  return vault.ctx.db.sqlite
    .prepare('SELECT action, entity, entity_id AS entityId, family_id AS familyId, detail FROM audit_log WHERE action = ? ORDER BY id')
    .all(action) as { action: string; entity: string; entityId: number | null; familyId: number | null; detail: string | null }[];
}
