// scratch: full compliance of every agreement (every figure and sentence) at several dates.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlaintext } from './setup';
import { topUpAgreements } from './cases/agreements';
import { computeCaseAgreements } from '../src/main/services/agreements/compliance-service';
import { agreementsBehindAt } from '../src/main/services/agreements';
const dir = mkdtempSync(join(tmpdir(), 'dump14-'));
const built = buildPlaintext(dir, 120);
topUpAgreements(built.target);
const ctx = built.target.ctx;
const caseIds = ctx.db.sqlite.prepare('select distinct case_id from agreements order by case_id').pluck().all() as number[];
const out: unknown[] = [];
for (const asOf of ['2025-09-15', '2025-12-01', '2026-03-17', '2026-06-30', '2026-11-23']) {
  out.push(agreementsBehindAt(ctx, asOf));
  for (const caseId of caseIds) {
    for (const entry of computeCaseAgreements(ctx, caseId, asOf)) {
      out.push(JSON.parse(JSON.stringify(entry.compliance)), entry.compliance.terms.map((t) => t.explanation), entry.compliance.explanation);
    }
  }
}
writeFileSync(process.argv[2]!, JSON.stringify(out));
console.log('dumped', out.length);
