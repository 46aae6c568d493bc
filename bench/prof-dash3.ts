import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { openTierForProfile } from './scale';
import { dashboardAt } from '../src/main/services/dashboard/dashboard-service';
import { agreementsBehind } from '../src/main/services/agreements';
const dir = mkdtempSync(join(tmpdir(), 'dash14-'));
const tier = await openTierForProfile(dir, 2000, 't2000');
const ctx = tier.ctx();
const today = '2026-11-23';
for (let i = 0; i < 20; i++) { dashboardAt(ctx, today); agreementsBehind(ctx, today); }
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start');
for (let i = 0; i < 200; i++) { dashboardAt(ctx, today); agreementsBehind(ctx, today); }
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/b14/dash.cpuprofile', JSON.stringify(profile));
tier.vault.lock();
