import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertToolsInstalled, pageTexts, qpdfCheck, writeTemp } from '../../src/main/pdf/pdf-tools.testing';
import { buildBinderForCase } from '../../src/main/services/bundles/binder-service';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import { getDocumentEmail } from '../../src/main/services/documents';
import { unlockedVault, type TempVault } from '../support/temp-vault';

/** A reviewer looks at these: cover, index, chronology and compliance worksheet of a demo binder. */
const ARTEFACTS = fileURLToPath(new URL('../../test-results/binder-pages', import.meta.url));

let vault: TempVault | undefined;
afterEach(() => vault?.cleanup());
beforeAll(assertToolsInstalled);

describe('a demo binder', () => {
  it('has exhibits whose pages its chronology cites, and renders its cover, index, chronology and worksheet to PNG', async () => {
    const temp = await unlockedVault();
    vault = temp;
    const counts = seedDemoCaseload(temp.ctx, { families: 12, seed: 1, today: new Date('2026-11-23T15:00:00Z') });
    expect(counts.documents).toBeGreaterThan(12);
    // The demo case with the most documents and an agreement (so it has a worksheet).
    const { caseId } = temp.ctx.db.sqlite
      .prepare(
        `SELECT d.case_id AS caseId FROM documents d WHERE d.case_id IN (SELECT case_id FROM agreements)
          GROUP BY d.case_id ORDER BY count(*) DESC, d.case_id LIMIT 1`,
      )
      .get() as { caseId: number };
    const binder = await buildBinderForCase(temp.ctx, caseId, { sections: [], excludedDocumentIds: [], bates: null });
    expect(binder.result.index.length).toBeGreaterThanOrEqual(3);
    const path = writeTemp('demo-binder.pdf', binder.result.bytes);
    expect(qpdfCheck(path).status).toBe(0);
    const pages = pageTexts(path);

    const chronology = pages.findIndex((text) => /^\s*Chronology\s*$/m.test(text) && text.includes('dated event'));
    const worksheet = pages.findIndex((text) => text.includes('Delivered against owed for each term'));
    expect(chronology).toBeGreaterThan(1);
    expect(worksheet).toBeGreaterThan(chronology);
    // Facts backed by a document cite its exhibit number.
    const chronologyText = pages.slice(chronology, chronology + 4).join('\n');
    expect(binder.result.index.some((entry) => new RegExp(`\\b${entry.exhibit}\\b`).test(chronologyText))).toBe(true);
    // The evaluation report backs its fact at the page that shows it (its summary, on page 2): 'P-1 at 2'.
    const cited = temp.ctx.db.sqlite
      .prepare(
        'SELECT de.document_id AS documentId, de.page FROM document_events de JOIN documents d ON d.id = de.document_id WHERE d.case_id = ? AND de.page IS NOT NULL',
      )
      .all(caseId) as { documentId: number; page: number }[];
    expect(cited.length).toBeGreaterThan(0);
    const citedExhibit = binder.result.index.find((entry) => String(entry.documentId) === String(cited[0]!.documentId))!.exhibit;
    expect(chronologyText).toContain(`${citedExhibit} at ${cited[0]!.page}`);
    // The district's Word letter (its prior written notice) is an exhibit, from the pages stored beside it.
    const word = temp.ctx.db.sqlite.prepare("SELECT id FROM documents WHERE case_id = ? AND mime_type LIKE '%wordprocessingml%'").get(caseId) as
      { id: number } | undefined;
    expect(word).toBeDefined();
    const wordEntry = binder.result.index.find((entry) => String(entry.documentId) === String(word!.id))!;
    expect(pages[wordEntry.startPage - 1]).toMatch(/Prior Written\s+Notice/);
    expect(pages[wordEntry.startPage - 1]).toMatch(/Option\s+\|\s+Decision\s+\|\s+Reason/);

    // The latest e-mail is the saved message: the one e-mail parser reads it, and its attachment (the progress report) is already in the case.
    const saved = temp.ctx.db.sqlite.prepare("SELECT id, title FROM documents WHERE case_id = ? AND mime_type = 'message/rfc822'").get(caseId) as
      { id: number; title: string } | undefined;
    expect(saved).toBeDefined();
    const email = await getDocumentEmail(temp.ctx, saved!.id);
    expect(email.subject).toBe(saved!.title);
    expect(email.attachments).toEqual([expect.objectContaining({ fileName: 'progress-report.pdf', documentId: expect.any(Number) })]);

    rmSync(ARTEFACTS, { recursive: true, force: true });
    mkdirSync(ARTEFACTS, { recursive: true });
    for (const [name, index] of [
      ['1-cover', 0],
      ['2-index', 1],
      ['3-chronology', chronology],
      ['4-worksheet', worksheet],
      ['5-pin-cite', pages.findIndex((text, index) => index >= chronology && text.includes(`${citedExhibit} at `))],
      ['6-word-letter', wordEntry.startPage - 1],
    ] as const) {
      execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', String(index + 1), '-l', String(index + 1), path, join(ARTEFACTS, name)]);
    }
    expect(readdirSync(ARTEFACTS).sort()).toEqual(['1-cover.png', '2-index.png', '3-chronology.png', '4-worksheet.png', '5-pin-cite.png', '6-word-letter.png']);
  });
});
