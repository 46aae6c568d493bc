/**
 * One case loader (src/main/services/cases/case-loader.ts): the case page, letters, binders and the
 * notice of non-implementation load a case the same way, so they name the same district and list
 * the guardians in the same order — primary first, then in the order they were added.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assembleBinderInput } from '../../src/main/services/bundles';
import { binderBuildOptions } from '../../src/shared/domain/documents';
import { agreementWithTerm } from '../support/agreement-fixtures';
import { documentVault, type DocumentVault } from '../support/document-fixtures';

let vault: DocumentVault;
afterEach(() => vault?.temp.cleanup());

/** Added in this order; the primary is added last and its name sorts between the others. */
const GUARDIANS = [
  { name: 'Zoe Park', relationship: 'Mother', isPrimary: false },
  { name: 'Ana Park', relationship: 'Grandmother', isPrimary: false },
  { name: 'Mina Park', relationship: 'Father', isPrimary: true },
];
const EXPECTED_ORDER = ['Mina Park', 'Zoe Park', 'Ana Park'];

async function parkCase() {
  vault = await documentVault();
  const { call } = vault;
  const studentDistrict = await call('districts.create', { name: 'Lakeview Unified', state: 'CA' });
  const family = await call('families.create', { name: 'Park family' });
  for (const guardian of GUARDIANS) await call('families.createGuardian', { familyId: family.id, fields: guardian });
  const student = await call('families.createStudent', { familyId: family.id, fields: { firstName: 'Jun', lastName: 'Park', districtId: studentDistrict.id } });
  // A case opened before its district was set: every reader falls back to the student's district.
  const record = await call('cases.create', { studentId: student.id, title: 'Services not delivered', stage: 'informal_negotiation', openedOn: '2025-09-01' });
  return { caseId: record.id, familyId: family.id, districtName: studentDistrict.name };
}

describe('one case loader', () => {
  it('gives the family page, binder, letter and notice of non-implementation the same guardians in the same order', async () => {
    const { caseId, familyId } = await parkCase();
    const { call } = vault;

    const familyPage = (await call('families.get', { id: familyId })).guardians.map((guardian) => guardian.name);

    const binder = assembleBinderInput(vault.ctx, caseId, binderBuildOptions.parse({}));
    const contactsPage = binder.input.sections.find((section) => section.generated?.kind === 'contacts')!.generated as { rows: { name: string }[] };
    const binderGuardians = contactsPage.rows.map((row) => row.name).filter((name) => name.endsWith(' Park'));

    const letter = await call('letters.draft', { caseId, kind: 'records_request' });
    const letterText = [letter.from.name, ...letter.paragraphs].join('\n');
    const letterGuardians = EXPECTED_ORDER.map((name) => ({ name, at: letterText.indexOf(name) }))
      .filter((found) => found.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((found) => found.name);

    const { agreement } = await agreementWithTerm(call, caseId);
    const notice = await call('agreements.nonImplementation', { id: agreement.id, asOf: '2025-10-01' });
    const noticeGuardians = notice.guardians.map((guardian) => guardian.name);

    expect({ familyPage, binderGuardians, letterGuardians, noticeGuardians }).toEqual({
      familyPage: EXPECTED_ORDER,
      binderGuardians: EXPECTED_ORDER,
      letterGuardians: EXPECTED_ORDER,
      noticeGuardians: EXPECTED_ORDER,
    });
  });

  it('names the same district on the case page, in the letter and in the notice (the case’s, else the student’s)', async () => {
    const { caseId, districtName } = await parkCase();
    const { call } = vault;
    const casePage = await call('cases.get', { id: caseId });
    const letter = await call('letters.draft', { caseId, kind: 'records_request' });
    const { agreement } = await agreementWithTerm(call, caseId);
    const notice = await call('agreements.nonImplementation', { id: agreement.id, asOf: '2025-10-01' });
    expect(casePage.district?.name).toBe(districtName);
    expect(notice.district?.name).toBe(districtName);
    expect([letter.to.district, ...letter.paragraphs].join('\n')).toContain(districtName);
  });
});
