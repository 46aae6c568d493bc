import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { advocateProfile, type AdvocateProfile } from '@shared/domain/documents';
import { settingsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

export const ADVOCATE_PROFILE_KEY = 'advocate.profile';

const EMPTY_PROFILE: AdvocateProfile = { name: null, organization: null, email: null, phone: null, address: null };

/** The advocate's letterhead and binder-cover details; empty until set. A damaged value reads as empty. */
export function getAdvocateProfile(ctx: ServiceContext): AdvocateProfile {
  const row = ctx.db.orm.select({ value: settingsTable.value }).from(settingsTable).where(eq(settingsTable.key, ADVOCATE_PROFILE_KEY)).get();
  const parsed = advocateProfile.safeParse(row?.value);
  return parsed.success ? parsed.data : EMPTY_PROFILE;
}

export function setAdvocateProfile(ctx: ServiceContext, fields: ParsedInput<'profile.set'>): AdvocateProfile {
  const value: AdvocateProfile = { ...EMPTY_PROFILE, ...fields };
  ctx.db.sqlite.transaction(() => {
    ctx.db.orm.insert(settingsTable).values({ key: ADVOCATE_PROFILE_KEY, value }).onConflictDoUpdate({ target: settingsTable.key, set: { value } }).run();
    recordAudit(ctx.db, { action: 'update', entity: 'setting', entityId: null, familyId: null, detail: ADVOCATE_PROFILE_KEY }, ctx.now());
  })();
  return value;
}
