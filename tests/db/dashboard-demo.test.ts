import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import type { ServiceContext } from '../../src/main/services/context';
import { dashboardAt } from '../../src/main/services/dashboard/dashboard-service';
import { caseDeadlinesAt } from '../../src/main/services/deadlines/deadlines-service';
import { dashboard as dashboardSchema } from '../../src/shared/domain/deadline-entities';
import { unlockedVault } from '../support/temp-vault';

const TODAY = '2026-11-23';
let temp: Awaited<ReturnType<typeof unlockedVault>>;
let ctx: ServiceContext;

beforeAll(async () => {
  temp = await unlockedVault();
  ctx = temp.ctx;
  seedDemoCaseload(ctx, { families: 40, seed: 1, today: new Date(`${TODAY}T15:00:00Z`) });
}, 60_000);
afterAll(() => temp.cleanup());

describe('dashboard over the demo caseload at a fixed date', () => {
  it('has non-trivial contents that agree with each case and with the database', () => {
    const dashboard = dashboardAt(ctx, TODAY);
    expect(dashboardSchema.safeParse(dashboard).success).toBe(true);
    expect(dashboard.overdue.length).toBeGreaterThan(5);
    expect(dashboard.ieeWaiting.length).toBeGreaterThan(0);

    for (const item of dashboard.overdue) expect(item.status === 'open' && item.dueDate! < TODAY).toBe(true);
    expect(dashboard.overdue.map((item) => item.dueDate)).toEqual(
      dashboard.overdue
        .map((item) => item.dueDate)
        .sort()
        .reverse(),
    );
    for (const item of dashboard.dueThisWeek) expect(item.dueDate! >= TODAY && item.dueDate! <= '2026-11-29').toBe(true);
    expect(dashboard.overdueTotal).toBe(dashboard.overdue.length);

    // The same items, case by case: the dashboard neither invents nor drops any.
    const caseIds = [...new Set(dashboard.overdue.map((item) => item.caseId))];
    const fromCases = caseIds.flatMap((caseId) =>
      caseDeadlinesAt(ctx, caseId, TODAY)
        .items.filter((item) => item.isOverdue && !item.derived?.isUserThreshold)
        .map((item) => `${caseId}/${item.key}`),
    );
    expect(dashboard.overdue.map((item) => `${item.caseId}/${item.key}`).sort()).toEqual(fromCases.sort());

    // Every link points at the right family and student.
    for (const item of [...dashboard.overdue, ...dashboard.dueThisWeek]) {
      const row = ctx.db.sqlite
        .prepare(
          `SELECT f.name AS familyName, s.first_name || ' ' || s.last_name AS studentName, c.archived_at AS archivedAt
             FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id WHERE c.id = ?`,
        )
        .get(item.caseId) as { familyName: string; studentName: string; archivedAt: string | null };
      expect(item.case).toMatchObject({ familyName: row.familyName, studentName: row.studentName });
      expect(row.archivedAt).toBeNull();
    }

    const unanswered = ctx.db.sqlite.prepare("SELECT id FROM iee_requests WHERE district_response = 'none_yet'").all() as { id: number }[];
    for (const waiting of dashboard.ieeWaiting) {
      expect(unanswered.map((row) => row.id)).toContain(waiting.ieeRequestId);
      expect(waiting.isFlagged).toBe(TODAY > waiting.thresholdDate);
      expect(waiting.flagLabel).toBe(waiting.isFlagged ? `district silent ${waiting.daysSilent} days` : null);
    }

    const openCases = (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE archived_at IS NULL').get() as { n: number }).n;
    expect(dashboard.casesByStage.reduce((sum, stage) => sum + stage.count, 0)).toBe(openCases);
    for (const meeting of dashboard.upcomingMeetings) expect(meeting.date >= TODAY && meeting.date <= '2026-12-23').toBe(true);

    expect(dashboardAt(ctx, TODAY)).toEqual(dashboard);
  });
});
