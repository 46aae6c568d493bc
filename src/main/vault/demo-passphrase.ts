/**
 * The demo caseload opens with one click: its passphrase is generated when the demo is made and
 * kept beside it (`demo-caseload.advd.passphrase`, owner-only) so the app can unlock it without
 * asking. Acceptable only because the demo holds synthetic families, which is why the app says,
 * wherever the demo is open, never to enter real families there. Never used for any other vault.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../lib/atomic-file';

/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function demoPassphrasePath(demoPath: string): string {
  return `${demoPath}.passphrase`;
}

/** "demo-7KQ2-M9XD-P4TR": 60 bits, for a file whose contents are made up anyway. */
export function generateDemoPassphrase(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `demo-${group()}-${group()}-${group()}`;
}

export function storeDemoPassphrase(demoPath: string, passphrase: string): void {
  writeFileAtomically(demoPassphrasePath(demoPath), `${passphrase}\n`);
}

/** The stored passphrase, or null for a demo made with a chosen passphrase (an older version, the API). */
export function readDemoPassphrase(demoPath: string): string | null {
  const path = demoPassphrasePath(demoPath);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8').trim();
  return text.length > 0 && text.length <= 1024 ? text : null;
}
