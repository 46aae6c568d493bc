/**
 * Hostile files cost bounded time and memory in the parser process, and nothing else waits: for
 * each input, how long its parse takes until it is read or refused, and how long an ordinary
 * database call started at the same moment takes (the main process must answer at once).
 */
import { strToU8, zipSync } from 'fflate';
import type { Sqlite } from '../../src/main/db/connection';
import { DEFAULT_PARSE_LIMITS, parseInProcess, type ParseTask } from '../../src/main/services/documents/parser-process';
import { formatMs, formatTable } from '../report';

const NORMAL_CALL_MAX_MS = 50;

function lyingZip(): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(300 * 1024 * 1024) }, { level: 6 });
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = 0; offset < view.length - 46; offset += 1) {
    if (view.readUInt32LE(offset) === 0x04034b50) view.writeUInt32LE(1024, offset + 22);
    if (view.readUInt32LE(offset) === 0x02014b50) view.writeUInt32LE(1024, offset + 24);
  }
  return zip;
}

function inputs(): { name: string; task: ParseTask; bytes: Uint8Array }[] {
  const html = `<html><body>${'<script'.repeat(150_000)}${'<'.repeat(400_000)}<p>Sessions resume October 20.</p></body></html>`;
  return [
    {
      name: 'Ordinary e-mail (1 KB)',
      task: 'eml',
      bytes: strToU8('From: jcole@riverside.example\r\nDate: Tue, 14 Oct 2025 09:12:00 -0700\r\nSubject: Speech\r\n\r\nSessions resume October 20.'),
    },
    {
      name: 'E-mail, 1.5 MB of backtracking HTML',
      task: 'eml',
      bytes: strToU8(`From: a@b.example\r\nDate: Tue, 14 Oct 2025 09:12:00 -0700\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n${html}`),
    },
    { name: 'Word zip bomb lying about sizes (300 MB)', task: 'docx', bytes: lyingZip() },
  ];
}

export async function printHostileBench(sqlite: Sqlite): Promise<boolean> {
  const rows: string[][] = [];
  let isPass = true;
  for (const input of inputs()) {
    const started = performance.now();
    const parse = parseInProcess(input.task, input.bytes, DEFAULT_PARSE_LIMITS).then((outcome) => ({ outcome, ms: performance.now() - started }));
    // The ordinary call: what the dashboard's first query does, started while the file is being read.
    const normalStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    sqlite.prepare('SELECT count(*) FROM families').get();
    const normalMs = performance.now() - normalStarted;
    const { outcome, ms } = await parse;
    const rowPass = normalMs < NORMAL_CALL_MAX_MS;
    isPass &&= rowPass;
    rows.push([
      input.name,
      formatMs(ms),
      formatMs(normalMs),
      outcome.ok ? 'read' : `refused (${outcome.code})`,
      `< ${NORMAL_CALL_MAX_MS} ms`,
      rowPass ? 'PASS' : 'FAIL',
    ]);
  }
  console.log(formatTable(['Untrusted file', 'Parse ms', 'Normal call ms', 'Outcome', 'Target (normal call)', 'Result'], rows));
  console.log(
    `(parser process limits: ${DEFAULT_PARSE_LIMITS.timeoutMs / 1000} s, ${DEFAULT_PARSE_LIMITS.maxRssMb} MB resident, ${DEFAULT_PARSE_LIMITS.maxInflatedMb} MB inflated)`,
  );
  return isPass;
}
