// scratch: dashboard + stored summaries at 500 and 2,000 with query plans
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTierForProfile } from './scale';
import { dashboardAt } from '../src/main/services/dashboard/dashboard-service';
import { agreementsBehind } from '../src/main/services/agreements';
import { median } from './report';
const dir = mkdtempSync(join(tmpdir(), 'dash14-'));
for (const families of [2000]) {
  const tier = await openTierForProfile(dir, families, `t${families}`);
  const ctx = tier.ctx();
  const today = '2026-11-23';
  dashboardAt(ctx, today); agreementsBehind(ctx, today);
  const m = (f: () => unknown) => { const w: number[] = []; const c: number[] = []; for (let i = 0; i < (process.env.N ? Number(process.env.N) : 25); i++) { const u = process.cpuUsage(); const t = performance.now(); f(); w.push(performance.now() - t); const d = process.cpuUsage(u); c.push((d.user + d.system) / 1000); } return `wall ${median(w).toFixed(2)} cpu ${median(c).toFixed(2)} min ${Math.min(...w).toFixed(2)}`; };
  console.log(families, 'dashboard', m(() => dashboardAt(ctx, today)));
  console.log(families, 'stored agreements', m(() => agreementsBehind(ctx, today)));
  if (process.env.PROFILE) { const db = ctx.db.sqlite; (globalThis as any).db = db; }
  tier.vault.lock();
}
