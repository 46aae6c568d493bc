import { afterEach, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { CASE_STAGES, ELIGIBILITY_CATEGORIES, EVENT_TYPES } from '@shared/domain/vocabulary';
import { termScheduleSchema, DELIVERY_STATUSES } from '@shared/compliance/types';
import { preparationWorksheet } from '@shared/domain/meetings';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import { listCases } from '../../src/main/services/cases/cases-service';
import { listEvents } from '../../src/main/services/events/events-service';
import { auditHash, AUDIT_GENESIS_HASH } from '../../src/main/services/audit/audit-service';
import type { ServiceContext } from '../../src/main/services/context';
import { unlockedVault, type TempVault } from '../support/temp-vault';

const TODAY = new Date('2026-11-23T15:00:00Z');
const TODAY_ISO = '2026-11-23';

let vaults: TempVault[] = [];
afterEach(() => {
  for (const vault of vaults) vault.cleanup();
  vaults = [];
});

async function seeded(families: number, seed: number): Promise<ServiceContext> {
  const temp = await unlockedVault();
  vaults.push(temp);
  seedDemoCaseload(temp.ctx, { families, seed, today: TODAY });
  return temp.ctx;
}

function all<T>(ctx: ServiceContext, sql: string): T[] {
  return ctx.db.sqlite.prepare(sql).all() as T[];
}

function count(ctx: ServiceContext, table: string): number {
  return (ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Every table's rows in id order, for comparing two seeded vaults. The full-text index (the FTS5
 * table and its shadow tables, some WITHOUT ROWID) is derived from search_documents, which is compared.
 */
function dump(ctx: ServiceContext): Record<string, unknown[]> {
  const tables = all<{ name: string }>(
    ctx,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'search\\_index%' ESCAPE '\\' ORDER BY name",
  );
  // The vault id (ties the database to its key file) is random per vault, not part of the caseload.
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      all(ctx, name === 'settings' ? "SELECT * FROM settings WHERE key <> 'vault.id' ORDER BY rowid" : `SELECT * FROM ${name} ORDER BY rowid`),
    ]),
  );
}

describe('demo caseload', () => {
  it('seeds the requested number of families, each with students and one case per student', async () => {
    const ctx = await seeded(30, 1);
    expect(count(ctx, 'families')).toBe(30);
    const students = count(ctx, 'students');
    expect(students).toBeGreaterThanOrEqual(30);
    expect(students).toBeLessThanOrEqual(60);
    expect(count(ctx, 'cases')).toBe(students);
    const guardiansPerFamily = all<{ n: number }>(ctx, 'SELECT count(g.id) AS n FROM families f LEFT JOIN guardians g ON g.family_id = f.id GROUP BY f.id');
    expect(guardiansPerFamily.every(({ n }) => n === 1 || n === 2)).toBe(true);
    expect(listCases(ctx, { includeArchived: true })).toHaveLength(students);
  });

  it('spreads cases over at least five stages of the escalation ladder', async () => {
    const ctx = await seeded(40, 3);
    const stages = all<{ stage: string }>(ctx, 'SELECT DISTINCT stage FROM cases').map(({ stage }) => stage);
    expect(stages.length).toBeGreaterThanOrEqual(5);
    for (const stage of stages) expect(CASE_STAGES).toContain(stage);
  });

  it('gives every case 20 to 60 timeline events, all dated in the 18 months up to today (scheduled meetings apart)', async () => {
    const ctx = await seeded(40, 7);
    // A meeting planned ahead is a fact dated on its day (it can cut a records period short); the rest of the timeline is history.
    const perCase = all<{ n: number; first: string; last: string }>(
      ctx,
      `SELECT count(e.id) AS n, min(e.occurred_on) AS first, max(e.occurred_on) AS last FROM cases c
         LEFT JOIN events e ON e.case_id = c.id AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.event_id = e.id)
        GROUP BY c.id`,
    );
    const earliestAllowed = dayjs(TODAY_ISO).subtract(19, 'month').format('YYYY-MM-DD');
    for (const { n, first, last } of perCase) {
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(60);
      expect(first >= earliestAllowed).toBe(true);
      expect(last <= TODAY_ISO).toBe(true);
    }
    const types = new Set(all<{ type: string }>(ctx, 'SELECT DISTINCT type FROM events').map(({ type }) => type));
    for (const type of types) expect(EVENT_TYPES).toContain(type);
    for (const trigger of ['consent_to_evaluate', 'evaluation', 'eligibility_decision', 'iep_meeting', 'iee_request', 'records_request']) {
      expect(types).toContain(trigger);
    }
    const linked = count(ctx, 'events WHERE contact_id IS NOT NULL');
    expect(linked).toBeGreaterThan(0);
    expect(count(ctx, 'case_contacts')).toBeGreaterThan(0);
  });

  it('keeps each timeline in the order the case climbed the ladder', async () => {
    const ctx = await seeded(40, 11);
    for (const item of listCases(ctx, { includeArchived: true })) {
      const events = listEvents(ctx, { caseId: item.id });
      const firstOf = (type: string) => events.find((event) => event.type === type)?.occurredOn;
      const consent = firstOf('consent_to_evaluate');
      const evaluation = firstOf('evaluation');
      if (consent && evaluation) expect(consent <= evaluation).toBe(true);
      const ieeRequest = firstOf('iee_request');
      if (ieeRequest && evaluation) expect(evaluation <= ieeRequest).toBe(true);
      expect(item.openedOn <= TODAY_ISO).toBe(true);
    }
  });

  it('gives students real eligibility categories and IEP dates that follow the IEP meeting', async () => {
    const ctx = await seeded(30, 5);
    const students = all<{ category: string | null; meeting: string | null; annual: string | null; grade: string; dob: string }>(
      ctx,
      'SELECT eligibility_category AS category, iep_meeting_on AS meeting, annual_review_due_on AS annual, grade, date_of_birth AS dob FROM students',
    );
    for (const student of students) {
      if (student.category !== null) expect(ELIGIBILITY_CATEGORIES).toContain(student.category);
      if (student.meeting) expect(student.annual).toBe(dayjs(student.meeting).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'));
      expect(student.dob < TODAY_ISO).toBe(true);
      expect(student.grade).toBeTruthy();
    }
  });

  it('puts cases in the district state, or under federal rules for a district with no state', async () => {
    const ctx = await seeded(60, 2);
    const rows = all<{ jurisdiction: string; state: string | null }>(
      ctx,
      'SELECT c.jurisdiction, d.state FROM cases c JOIN districts d ON d.id = c.district_id',
    );
    for (const row of rows) expect(row.jurisdiction).toBe(row.state ?? 'US');
    const states = new Set(all<{ state: string | null }>(ctx, 'SELECT state FROM districts').map(({ state }) => state));
    expect(states).toEqual(new Set(['TX', 'IL', 'CA', 'MD', null]));
    const roles = new Set(all<{ role: string }>(ctx, 'SELECT DISTINCT role FROM contacts').map(({ role }) => role));
    for (const role of ['case_manager', 'school_psychologist', 'director_of_special_education', 'district_counsel', 'evaluator', 'mediator', 'attorney']) {
      expect(roles).toContain(role);
    }
  });

  it('records IEE requests only for cases at the IEE stage or later, with varied district responses', async () => {
    const ctx = await seeded(80, 4);
    const requests = all<{ stage: string; response: string; requested: string; responded: string | null }>(
      ctx,
      'SELECT c.stage, r.district_response AS response, r.requested_on AS requested, r.responded_on AS responded FROM iee_requests r JOIN cases c ON c.id = r.case_id',
    );
    const ieeIndex = CASE_STAGES.indexOf('iee');
    for (const request of requests) {
      expect(CASE_STAGES.indexOf(request.stage as never)).toBeGreaterThanOrEqual(ieeIndex);
      if (request.responded) expect(request.responded > request.requested).toBe(true);
      else expect(request.response).toBe('none_yet');
    }
    const atIeeStage = count(ctx, "cases WHERE stage = 'iee'");
    expect(count(ctx, "iee_requests r JOIN cases c ON c.id = r.case_id WHERE c.stage = 'iee'")).toBe(atIeeStage);
    const responses = new Set(requests.map(({ response }) => response));
    expect(responses).toContain('none_yet');
    expect(responses).toContain('granted');
  });

  it('gives mediation and monitoring cases an agreement of 2 to 6 terms with valid schedules and an implementation log', async () => {
    const ctx = await seeded(60, 9);
    const agreementCases = all<{ stage: string }>(ctx, 'SELECT c.stage FROM agreements a JOIN cases c ON c.id = a.case_id');
    expect(agreementCases.length).toBeGreaterThan(0);
    for (const { stage } of agreementCases) expect(['mediation', 'monitoring']).toContain(stage);
    expect(agreementCases.length).toBe(count(ctx, "cases WHERE stage IN ('mediation', 'monitoring')"));
    const termsPer = all<{ n: number }>(ctx, 'SELECT count(t.id) AS n FROM agreements a LEFT JOIN agreement_terms t ON t.agreement_id = a.id GROUP BY a.id');
    for (const { n } of termsPer) {
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
    }
    const terms = all<{ id: number; schedule: string; starts: string }>(ctx, 'SELECT id, schedule, starts_on AS starts FROM agreement_terms');
    for (const term of terms) {
      const schedule = termScheduleSchema.parse(JSON.parse(term.schedule));
      const logged = count(ctx, `deliveries WHERE term_id = ${term.id}`);
      if (schedule.kind === 'recurring' && term.starts < dayjs(TODAY_ISO).subtract(30, 'day').format('YYYY-MM-DD')) expect(logged).toBeGreaterThan(0);
    }
    const statuses = all<{ status: string; n: number }>(ctx, 'SELECT status, count(*) AS n FROM deliveries GROUP BY status');
    const byStatus = Object.fromEntries(statuses.map(({ status, n }) => [status, n]));
    for (const status of Object.keys(byStatus)) expect(DELIVERY_STATUSES).toContain(status);
    for (const status of DELIVERY_STATUSES) expect(byStatus[status]).toBeGreaterThan(0);
    const total = statuses.reduce((sum, { n }) => sum + n, 0);
    expect(byStatus.delivered! / total).toBeGreaterThan(0.5);
    expect(count(ctx, `deliveries WHERE delivered_on > '${TODAY_ISO}'`)).toBe(0);
    expect(count(ctx, "deliveries WHERE status = 'cut_short' AND minutes IS NULL")).toBe(0);
  });

  it('gives cases past meetings with decisions, upcoming ones with a worksheet, and time entries, all in range', async () => {
    const ctx = await seeded(40, 6);
    const meetings = all<{ stage: string; heldAt: string; openedOn: string; preparation: string | null; concerns: string | null }>(
      ctx,
      'SELECT c.stage, m.held_at AS heldAt, c.opened_on AS openedOn, m.preparation, m.parent_concerns AS concerns FROM meetings m JOIN cases c ON c.id = m.case_id',
    );
    expect(meetings.length).toBeGreaterThan(5);
    for (const meeting of meetings) {
      expect(['intake', 'informal_negotiation', 'closed']).not.toContain(meeting.stage);
      expect(meeting.heldAt.slice(0, 10) >= meeting.openedOn.slice(0, 10) || meeting.heldAt > TODAY_ISO).toBe(true);
      if (meeting.heldAt > TODAY_ISO) {
        expect(preparationWorksheet.safeParse(JSON.parse(meeting.preparation!)).success).toBe(true);
        expect(meeting.concerns).toBeTruthy();
      }
    }
    expect(meetings.some((meeting) => meeting.heldAt > TODAY_ISO)).toBe(true);
    const pastWithoutDecisions = count(
      ctx,
      `meetings m WHERE m.held_at <= '${TODAY_ISO}' AND NOT EXISTS (SELECT 1 FROM meeting_decisions d WHERE d.meeting_id = m.id)`,
    );
    expect(pastWithoutDecisions).toBe(0);
    const entries = all<{ workedOn: string; openedOn: string; minutes: number }>(
      ctx,
      'SELECT t.worked_on AS workedOn, c.opened_on AS openedOn, t.minutes FROM time_entries t JOIN cases c ON c.id = t.case_id',
    );
    expect(entries.length).toBeGreaterThan(40);
    for (const entry of entries) {
      expect(entry.workedOn <= TODAY_ISO && entry.workedOn >= entry.openedOn).toBe(true);
      expect(entry.minutes).toBeGreaterThan(0);
    }
  });

  it('gives the same caseload for the same seed and a different one for another seed', async () => {
    const first = dump(await seeded(12, 42));
    const second = dump(await seeded(12, 42));
    const other = dump(await seeded(12, 43));
    expect(second).toEqual(first);
    expect(other.families).not.toEqual(first.families);
  });

  it('writes one audit row for the whole import, with counts and no names, on an intact hash chain', async () => {
    const ctx = await seeded(10, 1);
    const rows = all<{
      at: string;
      action: string;
      entity: string;
      entity_id: number | null;
      family_id: number | null;
      detail: string | null;
      previous_hash: string;
      hash: string;
    }>(ctx, 'SELECT * FROM audit_log ORDER BY id');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ action: 'create', entity: 'demo_caseload', previous_hash: AUDIT_GENESIS_HASH });
    expect(JSON.parse(row!.detail!)).toMatchObject({ seed: 1, families: 10 });
    expect(row!.hash).toBe(
      auditHash(AUDIT_GENESIS_HASH, {
        at: row!.at,
        action: row!.action,
        entity: row!.entity,
        entityId: row!.entity_id,
        familyId: row!.family_id,
        detail: row!.detail,
      }),
    );
    const familyNames = all<{ name: string }>(ctx, 'SELECT name FROM families').map(({ name }) => name);
    for (const name of familyNames) expect(row!.detail).not.toContain(name);
  });

  // How long seeding takes is a bench row (`npm run bench`: "Seeded in one transaction"), not a timed test.
  it('seeds 500 families, and the counts it reports are the rows it wrote', async () => {
    const temp = await unlockedVault();
    vaults.push(temp);
    const counts = seedDemoCaseload(temp.ctx, { families: 500, seed: 1, today: TODAY });
    expect(counts.families).toBe(500);
    expect(counts.events).toBe(count(temp.ctx, 'events'));
    expect(counts.deliveries).toBe(count(temp.ctx, 'deliveries'));
  });

  it('refuses a family count that is not a positive whole number', async () => {
    const temp = await unlockedVault();
    vaults.push(temp);
    expect(() => seedDemoCaseload(temp.ctx, { families: 0, seed: 1, today: TODAY })).toThrow(RangeError);
    expect(count(temp.ctx, 'families')).toBe(0);
  });
});
