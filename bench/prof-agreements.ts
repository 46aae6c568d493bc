import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlaintext } from './setup';
import { topUpAgreements } from './cases/agreements';
import { agreementsBehindAt } from '../src/main/services/agreements';
import { median } from './report';
const dir = mkdtempSync(join(tmpdir(), 'prof14-'));
const built = buildPlaintext(dir, 500);
topUpAgreements(built.target);
const ctx = built.target.ctx;
const asOf = '2026-11-23';
const wall: number[] = []; const cpu: number[] = [];
for (let i = 0; i < 40; i++) { const c = process.cpuUsage(); const t = performance.now(); agreementsBehindAt(ctx, asOf); wall.push(performance.now() - t); const d = process.cpuUsage(c); cpu.push((d.user + d.system) / 1000); }
console.log('wall median', median(wall.slice(5)).toFixed(1), 'cpu median', median(cpu.slice(5)).toFixed(1), 'cpu min', Math.min(...cpu).toFixed(1));
