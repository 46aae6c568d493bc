import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicallyAsync as writeFileAtomically } from '../lib/atomic-file';
import { sanitizeFileName } from './file-output';

describe('sanitizeFileName', () => {
  it.each([
    ['Binder: Nguyễn / Springfield.pdf', 'Binder Nguyễn Springfield.pdf'],
    ['..\\..\\etc\\passwd', 'etc passwd'],
    ['../secret.pdf', 'secret.pdf'],
    ['IEE request <draft>?.pdf', 'IEE request draft.pdf'],
    ['.hidden', 'document.hidden'],
    ['tab\there\nnewline\u0000nul.pdf', 'tab here newline nul.pdf'],
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['LPT1.docx', '_LPT1.docx'],
    ['Évaluation – Zoë Łukasz.pdf', 'Évaluation – Zoë Łukasz.pdf'],
    ['trailing dots... ', 'trailing dots'],
    ['   ', 'document'],
    ['???.pdf', 'document.pdf'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('keeps accented names composed (NFC) so they match what the user typed', () => {
    expect(sanitizeFileName('Zoe\u0308.pdf')).toBe('Zo\u00eb.pdf');
  });

  it('shortens long names but keeps the extension and whole characters', () => {
    const result = sanitizeFileName(`${'Nguyễn '.repeat(60)}binder.pdf`);
    expect(Buffer.byteLength(result, 'utf8')).toBeLessThanOrEqual(180);
    expect(result.endsWith('.pdf')).toBe(true);
    expect(result).not.toContain('\ufffd');
    expect(result).not.toMatch(/\s\.pdf$/);
  });
});

describe('writeFileAtomically', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atomic-'));
    const target = join(folder, 'binder.pdf');
    await writeFileAtomically(target, new TextEncoder().encode('first'));
    await writeFileAtomically(target, new TextEncoder().encode('second version'));
    expect(await readFile(target, 'utf8')).toBe('second version');
    expect(await readdir(folder)).toEqual(['binder.pdf']);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary file and keeps the old file when the rename fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atomic-'));
    // A non-empty folder in the target's place makes the final rename fail after the data is written.
    const target = join(folder, 'binder.pdf');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'old');
    await expect(writeFileAtomically(target, new TextEncoder().encode('new'))).rejects.toThrow();
    expect((await readdir(folder)).sort()).toEqual(['binder.pdf']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('old');
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atomic-'));
    await expect(writeFileAtomically(join(folder, 'missing', 'binder.pdf'), new Uint8Array([1]))).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });
});
