import type { MethodInput } from '../../src/shared/api/contract';
import { apiVault, type ApiVault, type Call } from './temp-vault';

export type { Call };
export type AgreementVault = ApiVault;
export const agreementVault = apiVault;

export interface SeededCase {
  districtId: number;
  familyId: number;
  studentId: number;
  caseId: number;
}

export async function seedCase(call: Call, names: { family: string; student: string; district?: string }): Promise<SeededCase> {
  const districtName = names.district ?? 'Riverside Unified';
  const districts = await call('districts.list', {});
  const district = districts.find((candidate) => candidate.name === districtName) ?? (await call('districts.create', { name: districtName, state: 'CA' }));
  const family = await call('families.create', { name: names.family, address: '12 Elm Street, Riverside, CA' });
  const [firstName, lastName] = names.student.split(' ') as [string, string];
  const student = await call('families.createStudent', { familyId: family.id, fields: { firstName, lastName, districtId: district.id } });
  const kase = await call('cases.create', { studentId: student.id, title: `${names.student}: services`, openedOn: '2025-08-01', districtId: district.id });
  return { districtId: district.id, familyId: family.id, studentId: student.id, caseId: kase.id };
}

/** '2 x 30 min per week' speech therapy from Monday 8 Sep 2025, no end date. */
export const SPEECH_TERM = {
  category: 'service',
  description: 'Speech-language therapy',
  schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week' },
  provider: 'J. Rivera, SLP',
  location: 'Resource room',
  startsOn: '2025-09-08',
  endsOn: null,
  makeupRule: 'Missed sessions are made up within 30 days.',
  makeupDeadline: null,
  reviewDates: [],
  goal: 'Articulation of /r/ in conversation',
} as const satisfies MethodInput<'agreements.createTerm'>['fields'];

export async function agreementWithTerm(call: Call, caseId: number, title = 'Mediation agreement') {
  const agreement = await call('agreements.create', {
    caseId,
    fields: { type: 'mediation_agreement', title, signedOn: '2025-08-20', parties: 'Parents; Riverside Unified' },
  });
  const term = await call('agreements.createTerm', { agreementId: agreement.id, fields: SPEECH_TERM });
  return { agreement, term };
}

export function session(deliveredOn: string, minutes = 30, status: MethodInput<'agreements.createDelivery'>['fields']['status'] = 'delivered') {
  return { deliveredOn, minutes, status };
}
