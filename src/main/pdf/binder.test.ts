import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@shared/api/errors';
import { buildBinder } from './binder';
import type { BinderInput, BinderResult } from './binder-model';
import { assertToolsInstalled, pageTexts, pdfinfoPages, qpdfCheck, qpdfOutline, samplePdf, wordBoxes, writeTemp } from './pdf-tools.testing';

const CASE = {
  title: 'Nguyễn v. Springfield USD',
  studentName: 'Zoë Nguyễn',
  familyName: 'Nguyễn family',
  district: 'Springfield Unified School District',
  caseNumber: 'MED-2025-014',
  advocate: 'Ana Łukasz',
  preparedOn: '2025-03-14',
};

/** Pages per sample document: 5 documents of 1–4 pages. */
const DOCUMENT_PAGES = [2, 1, 4, 3, 2];

async function documents(numbers: number[], rotationOf: (n: number) => number = () => 0) {
  return Promise.all(
    numbers.map(async (n) => ({
      id: `doc-${n}`,
      title: `Document ${n}`,
      date: `2024-0${n}-15`,
      author: n % 2 === 0 ? 'Dr. Müller, school psychologist' : 'District',
      description: `Description of document ${n}`,
      bytes: await samplePdf(n, DOCUMENT_PAGES[n - 1] ?? 1, rotationOf(n)),
    })),
  );
}

function corruptDocument() {
  return { id: 'corrupt', title: 'Scanned letter (damaged)', date: '2024-02-01', bytes: new TextEncoder().encode('this is not a pdf at all') };
}

async function sampleInput(): Promise<BinderInput> {
  const docs = await documents([1, 2, 3, 4, 5], (n) => (n === 4 ? 90 : 0));
  return {
    case: CASE,
    sections: [
      { id: 'cover', title: 'Cover', kind: 'generated', generated: { kind: 'cover' } },
      {
        id: 'contacts',
        title: 'Contacts',
        kind: 'generated',
        generated: { kind: 'contacts', rows: [{ name: 'Dr. Jane Smith', role: 'Director of Special Education', email: 'jsmith@example.org' }] },
      },
      {
        id: 'issues',
        title: 'Issues and Proposed Resolutions',
        kind: 'generated',
        generated: { kind: 'issues', rows: [{ issue: 'Speech services not delivered', proposedResolution: '420 compensatory minutes' }] },
      },
      {
        id: 'chronology',
        title: 'Chronology',
        kind: 'generated',
        generated: {
          kind: 'chronology',
          rows: [
            { date: '2024-10-02', type: 'email', title: 'Parent asks about speech sessions' },
            { date: '2024-09-10', type: 'meeting', title: 'Mediation agreement signed' },
          ],
        },
      },
      { id: 'ieps', title: 'IEPs', kind: 'documents', order: 'newest_first', documents: docs.slice(0, 3) },
      {
        id: 'service_logs',
        title: 'Service Logs and Compliance Worksheet',
        kind: 'generated',
        generated: {
          kind: 'compliance_worksheet',
          rows: [{ term: 'Speech-language therapy 60 min/week', unit: 'minutes', owed: 1200, delivered: 780, asOf: '2025-03-01' }],
        },
        documents: [docs[3]!],
      },
      { id: 'correspondence', title: 'Correspondence', kind: 'documents', documents: [corruptDocument(), docs[4]!] },
      { id: 'notices', title: 'Notices', kind: 'documents', include: false, documents: [{ ...docs[0]!, id: 'excluded' }] },
    ],
    options: { exhibitPrefix: 'P', bates: { prefix: 'NGU', digits: 6, start: 101 } },
  };
}

describe('buildBinder', () => {
  let result: BinderResult;
  let path: string;
  let pages: string[];
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    assertToolsInstalled();
    result = await buildBinder(await sampleInput(), { onProgress: (done, total, label) => progress.push([done, total, label]) });
    path = writeTemp('binder.pdf', result.bytes);
    pages = pageTexts(path);
  });

  it('has as many pages as its parts: cover, index, one tab per section, generated pages and documents', () => {
    const tabs = 6; // contacts, issues, chronology, IEPs, service logs, correspondence (notices excluded)
    const generated = 4; // one page each: contacts, issues, chronology, compliance worksheet
    const documentPages = DOCUMENT_PAGES.reduce((sum, count) => sum + count, 0);
    expect(result.indexPageCount).toBe(1);
    expect(result.pageCount).toBe(1 + result.indexPageCount + tabs + generated + documentPages);
    expect(pdfinfoPages(path)).toBe(result.pageCount);
  });

  it('starts each exhibit on the page the index gives, as read back by pdftotext', () => {
    expect(result.index.map((entry) => entry.exhibit)).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'P-5']);
    const indexText = pages[1] ?? '';
    for (const entry of result.index) {
      const n = Number(entry.documentId.replace('doc-', ''));
      const found = pages.findIndex((text) => text.includes(`DOC-${n}-PAGE-1`)) + 1;
      expect(found).toBe(entry.startPage);
      expect(entry.endPage - entry.startPage + 1).toBe(DOCUMENT_PAGES[n - 1]);
      const range = entry.startPage === entry.endPage ? `${entry.startPage}` : `${entry.startPage}–${entry.endPage}`;
      expect(indexText).toMatch(new RegExp(`${entry.exhibit}\\s.*Document ${n}.*\\s${range}\\s*$`, 'm'));
    }
  });

  it('orders IEPs newest first and leaves excluded sections out', () => {
    expect(result.index.filter((entry) => entry.sectionId === 'ieps').map((entry) => entry.date)).toEqual(['2024-03-15', '2024-02-15', '2024-01-15']);
    expect(result.sections.map((section) => section.id)).not.toContain('notices');
    expect(result.index.map((entry) => entry.documentId)).not.toContain('excluded');
  });

  it('has one bookmark per section and exhibit (plus the index), nested as in the index', () => {
    const outline = qpdfOutline(path);
    const sectionCount = 1 + result.sections.length; // the cover is a section too
    expect(outline).toHaveLength(sectionCount + result.index.length + 1);
    expect(outline.filter((item) => item.depth === 0).map((item) => item.title)).toEqual([
      'Cover',
      'Index',
      ...result.sections.map((section, position) => `Tab ${position + 1}: ${section.title}`),
    ]);
    expect(outline.filter((item) => item.depth === 1).map((item) => item.title.split(' ')[0])).toEqual(result.index.map((entry) => entry.exhibit));
  });

  it('passes qpdf --check', () => {
    const check = qpdfCheck(path);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it('reports a corrupt document with a reason and leaves it out', () => {
    expect(result.skipped).toEqual([
      expect.objectContaining({ documentId: 'corrupt', sectionTitle: 'Correspondence', reason: expect.stringMatching(/not a PDF/) }),
    ]);
    expect(pages.join('\n')).not.toContain('Scanned letter (damaged)');
  });

  it('stamps every page with Page N of M and continuous Bates IDs', () => {
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${result.pageCount}`);
      expect(text).toContain(`NGU${String(101 + index).padStart(6, '0')}`);
    });
    const firstExhibit = result.index[0]!;
    expect(pages[firstExhibit.startPage - 1]).toMatch(/\bP-1\b/);
  });

  it('prints names with accents on the cover', () => {
    expect(pages[0]).toContain('Zoë Nguyễn');
    expect(pages[0]).toContain('Ana Łukasz');
    expect(pages[0]).toContain('March 14, 2025');
  });

  it('links each index row to the page it names', async () => {
    const doc = await PDFDocument.load(result.bytes);
    const pageRefs = doc.getPages().map((page) => page.ref.toString());
    const annots = doc.getPage(1).node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const targets = (annots?.asArray() ?? []).map((ref) => {
      const annotation = doc.context.lookup(ref, PDFDict);
      const dest = annotation.lookup(PDFName.of('Dest'), PDFArray);
      return pageRefs.indexOf((dest.get(0) as PDFRef).toString()) + 1;
    });
    for (const entry of result.index) expect(targets).toContain(entry.startPage);
    for (const section of result.sections) expect(targets).toContain(section.startPage);
    expect(targets).toHaveLength(result.index.length + result.sections.length);
  });

  it('lays a page stored rotated upright, its stamp along the visual bottom edge', () => {
    const rotated = result.index.find((entry) => entry.documentId === 'doc-4')!;
    const boxes = wordBoxes(path, rotated.startPage);
    const stamp = boxes.find((box) => box.word === `${rotated.startPage}` && boxes.some((other) => other.word === 'Page'));
    // A portrait Letter page stored with /Rotate 90 is seen as 792 wide and 612 high; poppler
    // reports word boxes in that visual space (origin top-left).
    const content = boxes.find((box) => box.word === 'DOC-4-PAGE-1');
    expect(content!.xMin).toBeGreaterThan(612); // proves the page really is shown rotated
    expect(stamp).toBeDefined();
    expect(stamp!.yMin).toBeGreaterThan(612 - 40);
    expect(stamp!.xMin).toBeGreaterThan(792 / 2);
  });

  it('reports progress that only moves forward and ends at the total', () => {
    const totals = new Set(progress.map(([, total]) => total));
    expect(totals.size).toBe(1);
    const dones = progress.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
  });

  it('sets its own metadata instead of pdf-lib defaults', () => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Producer:\s+Advocate Desk/);
    expect(info).toMatch(/Title:\s+Nguyễn v. Springfield USD — Mediation Binder/);
  });
});

describe('buildBinder with difficult input', () => {
  beforeAll(assertToolsInstalled);

  it('keeps index page numbers right when the index itself runs to several pages', async () => {
    const many = await Promise.all(
      Array.from({ length: 70 }, async (_, index) => ({
        id: `doc-${index + 1}`,
        title: `Exhibit document number ${index + 1} with a long title that wraps inside the description column`,
        date: '2024-05-01',
        bytes: await samplePdf(index + 1, 1 + (index % 3)),
      })),
    );
    const result = await buildBinder({
      case: CASE,
      sections: [
        { id: 'cover', title: 'Cover', kind: 'generated', generated: { kind: 'cover' } },
        { id: 'a', title: 'Evaluations and IEEs', kind: 'documents', documents: many.slice(0, 35) },
        { id: 'b', title: 'Correspondence', kind: 'documents', documents: many.slice(35) },
      ],
      options: { exhibitPrefix: 'P' },
    });
    expect(result.indexPageCount).toBeGreaterThan(1);
    const path = writeTemp('long-index.pdf', result.bytes);
    const pages = pageTexts(path);
    const indexText = pages.slice(1, 1 + result.indexPageCount).join('\n');
    for (const entry of result.index) {
      const n = Number(entry.documentId.replace('doc-', ''));
      expect(pages.findIndex((text) => text.includes(`DOC-${n}-PAGE-1`)) + 1).toBe(entry.startPage);
      const range = entry.startPage === entry.endPage ? `${entry.startPage}` : `${entry.startPage}–${entry.endPage}`;
      expect(indexText).toMatch(new RegExp(`^\\s*${entry.exhibit}\\s.*\\s${range}\\s*$`, 'm'));
    }
    expect(qpdfCheck(path).status).toBe(0);
  });

  it('flows a long chronology across pages, oldest first, without losing rows', async () => {
    const rows = Array.from({ length: 90 }, (_, index) => ({
      date: `2024-${String(12 - (index % 12)).padStart(2, '0')}-${String(1 + (index % 27)).padStart(2, '0')}`,
      type: 'email',
      title: `Event-${String(index).padStart(3, '0')}`,
      summary: 'The parent wrote to the case manager asking when the missed speech sessions would be made up. '.repeat(1 + (index % 4)),
    }));
    const result = await buildBinder({
      case: CASE,
      sections: [{ id: 'chronology', title: 'Chronology', kind: 'generated', generated: { kind: 'chronology', rows } }],
      options: { exhibitPrefix: 'P' },
    });
    const pages = pageTexts(writeTemp('chronology.pdf', result.bytes));
    const text = pages.join('\n');
    expect(result.pageCount).toBeGreaterThan(4);
    const positions = [...rows]
      .map((row, index) => ({ row, index }))
      .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.index - b.index)
      .map(({ row }) => text.indexOf(row.title));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('skips encrypted and truncated PDFs with reasons and still builds', async () => {
    const plainPath = writeTemp('plain.pdf', await samplePdf(1, 2));
    const encryptedPath = plainPath.replace('plain.pdf', 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plainPath, encryptedPath]);
    const whole = await samplePdf(2, 3);
    const result = await buildBinder({
      case: CASE,
      sections: [
        {
          id: 'docs',
          title: 'Notices',
          kind: 'documents',
          documents: [
            { id: 'encrypted', title: 'Locked', bytes: readFileSync(encryptedPath) },
            { id: 'truncated', title: 'Cut off', bytes: whole.slice(0, Math.floor(whole.length / 3)) },
            { id: 'empty', title: 'Empty', bytes: new Uint8Array() },
            { id: 'good', title: 'Good', bytes: await samplePdf(3, 1) },
          ],
        },
      ],
      options: { exhibitPrefix: 'P' },
    });
    const reasons = Object.fromEntries(result.skipped.map((skip) => [skip.documentId, skip.reason]));
    expect(reasons.encrypted).toMatch(/encrypted/);
    expect(reasons.truncated).toMatch(/damaged|no readable pages/);
    expect(reasons.empty).toMatch(/empty/);
    expect(result.index.map((entry) => entry.documentId)).toEqual(['good']);
    expect(qpdfCheck(writeTemp('with-skips.pdf', result.bytes)).status).toBe(0);
  });

  it('refuses Bates settings whose digits cannot number every page', async () => {
    const attempt = buildBinder({
      case: CASE,
      sections: [{ id: 'docs', title: 'IEPs', kind: 'documents', documents: [{ id: 'a', title: 'A', bytes: await samplePdf(1, 3) }] }],
      options: { exhibitPrefix: 'P', bates: { prefix: 'X', digits: 1, start: 8 } },
    });
    await expect(attempt).rejects.toSatisfy((error: unknown) => isAppError(error) && error.code === 'VALIDATION');
  });

  it('rejects input that does not match the schema with field errors', async () => {
    const attempt = buildBinder({ case: { ...CASE, preparedOn: '2025-02-30' }, sections: [], options: { exhibitPrefix: 'P' } });
    await expect(attempt).rejects.toSatisfy((error: unknown) => isAppError(error) && error.code === 'VALIDATION' && 'case.preparedOn' in (error.fields ?? {}));
  });
});
