import dayjs from 'dayjs';
import { DEFAULT_RETENTION, retentionSettings, type RetentionFlag, type RetentionSettings } from '@shared/domain/protection';
import type { ServiceContext } from '../context';
import { readJsonSetting, writeJsonSetting } from '../session/stored-settings';

export const RETENTION_SETTINGS_KEY = 'retention.settings';

export function getRetentionSettings(ctx: ServiceContext): RetentionSettings {
  return readJsonSetting(ctx.db, RETENTION_SETTINGS_KEY, retentionSettings, DEFAULT_RETENTION);
}

export function setRetentionSettings(ctx: ServiceContext, settings: RetentionSettings): RetentionSettings {
  writeJsonSetting(ctx.db, RETENTION_SETTINGS_KEY, settings);
  return settings;
}

/**
 * Closed cases kept longer than the advocate's retention period, for review (keep, export to the
 * family, or purge). Nothing is deleted automatically: the decision stays with the advocate. A
 * case counts as closed when it has a closing date or its stage is 'closed'; without a closing
 * date, the day it was last changed stands in for it.
 */
export function listRetentionFlags(ctx: ServiceContext): RetentionFlag[] {
  const { closedCaseReviewAfterMonths } = getRetentionSettings(ctx);
  const today = dayjs(ctx.now()).format('YYYY-MM-DD');
  const closedBefore = dayjs(today).subtract(closedCaseReviewAfterMonths, 'month').format('YYYY-MM-DD');
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.title AS caseTitle, f.id AS familyId, f.name AS familyName,
              s.first_name || ' ' || s.last_name AS studentName,
              COALESCE(c.closed_on, substr(c.updated_at, 1, 10)) AS closedOn
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE (c.closed_on IS NOT NULL OR c.stage = 'closed')
          AND COALESCE(c.closed_on, substr(c.updated_at, 1, 10)) <= ?
        ORDER BY closedOn, c.id`,
    )
    .all(closedBefore) as Omit<RetentionFlag, 'reviewDueOn'>[];
  return rows.map((row) => ({
    ...row,
    reviewDueOn: dayjs(row.closedOn).add(closedCaseReviewAfterMonths, 'month').format('YYYY-MM-DD'),
  }));
}
