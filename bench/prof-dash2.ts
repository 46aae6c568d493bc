import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTierForProfile } from './scale';
import { dashboardAt } from '../src/main/services/dashboard/dashboard-service';
import { agreementsBehind } from '../src/main/services/agreements';
import { readStoredItems, countStoredItems, refreshStoredDeadlines } from '../src/main/services/deadlines/stored-deadlines';
import { loadMeetings } from '../src/main/services/deadlines/deadlines-service';
import { addCalendarDays } from '../src/shared/deadlines';
import { median } from './report';
const dir = mkdtempSync(join(tmpdir(), 'dash14-'));
const tier = await openTierForProfile(dir, 2000, 't2000');
const ctx = tier.ctx();
const db = ctx.db;
const today = '2026-11-23';
dashboardAt(ctx, today); agreementsBehind(ctx, today);
const q = (sql: string, ...p: unknown[]) => console.log(sql.slice(0, 60), db.sqlite.prepare('EXPLAIN QUERY PLAN ' + sql).all(...p).map((r: any) => r.detail));
const m = (name: string, f: () => unknown) => { const c: number[] = []; let r: unknown; for (let i = 0; i < 30; i++) { const u = process.cpuUsage(); r = f(); const d = process.cpuUsage(u); c.push((d.user + d.system) / 1000); } console.log(name.padEnd(22), 'cpu', median(c).toFixed(2), Array.isArray(r) ? `rows ${r.length}` : ''); };
const openDated = "d.status = 'open' AND d.due_on IS NOT NULL AND d.is_user_threshold = 0 AND d.nature <> 'filing_limit'";
const overdue = `${openDated} AND d.nature = 'deadline' AND d.due_on < ?`;
m('whole dashboard', () => dashboardAt(ctx, today));
m('refresh (none stale)', () => refreshStoredDeadlines(db, today));
m('overdue', () => readStoredItems(db, today, { where: overdue, params: [today], newestFirst: true, limit: 300 }));
m('overdue count', () => countStoredItems(db, overdue, [today]));
m('this week', () => readStoredItems(db, today, { where: `${openDated} AND d.nature <> 'not_before' AND d.due_on BETWEEN ? AND ?`, params: [today, addCalendarDays(today, 6)] }));
m('filing limits', () => readStoredItems(db, today, { where: "d.nature = 'filing_limit' AND d.status IN ('open', 'expired') AND d.due_on BETWEEN ? AND ?", params: [addCalendarDays(today, -30), addCalendarDays(today, 180)] }));
m('meetings', () => loadMeetings(db, today, addCalendarDays(today, 30)));
const iee = `SELECT i.id AS ieeRequestId, i.disputed_evaluation AS disputedEvaluation, i.requested_on AS requestedOn,
              i.silence_threshold_business_days AS silenceThresholdBusinessDays, coalesce(c.district_id, s.district_id) AS districtId,
              c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName, s.id AS studentId,
              s.first_name || ' ' || s.last_name AS studentName
         FROM iee_requests i JOIN cases c ON c.id = i.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE i.district_response = 'none_yet' AND c.archived_at IS NULL AND c.stage <> 'closed' AND c.closed_on IS NULL
        ORDER BY f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id`;
const ieeSt = db.sqlite.prepare(iee);
m('iee sql', () => ieeSt.all());
q(iee);
const st = db.sqlite.prepare('SELECT stage, count(*) AS count FROM cases WHERE archived_at IS NULL GROUP BY stage');
m('stages', () => st.all());
const refColumns = `c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName, s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName`;
q(`SELECT d.item, ${refColumns} FROM case_deadlines d JOIN cases c ON c.id = d.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id WHERE ${overdue} AND d.due_on >= ? ORDER BY d.due_on IS NULL, d.due_on DESC, f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id, d.position LIMIT 300`, today, '2026-01-01');
q(`SELECT d.item, ${refColumns} FROM case_deadlines d JOIN cases c ON c.id = d.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id WHERE ${openDated} AND d.nature <> 'not_before' AND d.due_on BETWEEN ? AND ? ORDER BY d.due_on IS NULL, d.due_on ASC, f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id, d.position`, today, today);
q(`SELECT m.id FROM meetings m JOIN cases c ON c.id = m.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id WHERE substr(m.held_at, 1, 10) BETWEEN ? AND ? AND c.archived_at IS NULL ORDER BY m.held_at, m.id`, today, today);
console.log(db.sqlite.prepare("select (select count(*) from meetings) m, (select count(*) from case_deadlines) d, (select count(*) from cases) c").get());
m('stored agreements', () => agreementsBehind(ctx, today));
q(`SELECT d.due_on FROM case_deadlines d WHERE ${overdue} ORDER BY d.due_on IS NULL, d.due_on DESC LIMIT 1 OFFSET 3`, today);
q(`SELECT count(*) FROM case_deadlines d WHERE ${overdue}`, today);
console.log(db.sqlite.prepare('select count(*) n, sum(length(item)) len from case_deadlines').get());
console.log(db.sqlite.prepare('select count(*) n, sum(length(summary)) len from agreement_summaries where status in (\'behind\',\'review_missed\')').get());
tier.vault.lock();
{
const tier2 = await openTierForProfile(dir, 2000, 't2000b');
const c2 = tier2.ctx(); agreementsBehind(c2, today);
const rowsSt = c2.db.sqlite.prepare(`SELECT s.summary, a.id AS agreementId, a.title AS agreementTitle, a.type AS agreementType,
         c.id AS caseId, c.title AS caseTitle, f.id AS familyId, f.name AS familyName, s2.id AS studentId, s2.first_name || ' ' || s2.last_name AS studentName
    FROM agreement_summaries s JOIN agreements a ON a.id = s.agreement_id JOIN cases c ON c.id = a.case_id JOIN students s2 ON s2.id = c.student_id JOIN families f ON f.id = s2.family_id
   WHERE s.status IN ('behind', 'review_missed') AND s.computed_on = ? AND c.archived_at IS NULL`);
m('summ sql', () => rowsSt.all(today));
const rows = rowsSt.all(today) as { summary: string }[];
m('summ parse', () => rows.map((r) => JSON.parse(r.summary)));
console.log(c2.db.sqlite.prepare('EXPLAIN QUERY PLAN SELECT s.summary FROM agreement_summaries s JOIN agreements a ON a.id = s.agreement_id JOIN cases c ON c.id = a.case_id WHERE s.status IN (\'behind\', \'review_missed\') AND s.computed_on = ? AND c.archived_at IS NULL').all(today).map((r: any) => r.detail));
m('stale ids', () => c2.db.sqlite.prepare(`SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id LEFT JOIN agreement_summaries s ON s.agreement_id = a.id WHERE c.archived_at IS NULL AND (s.agreement_id IS NULL OR s.computed_on <> ?) ORDER BY a.id`).pluck().all(today));
console.log(rows[0]!.summary);
tier2.vault.lock();
}
