import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedFonts, textWidth, type FontSet } from './fonts';
import { FlowWriter, wrapText } from './pdf-text';

describe('wrapText', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await embedFonts(await PDFDocument.create());
  });

  it('keeps every line within the width and loses no words', () => {
    const text = 'Speech-language therapy was not provided on eleven scheduled dates between October and January.';
    const lines = wrapText(text, fonts.regular, 10, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(fonts.regular, line, 10)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word wider than the column between characters', () => {
    const url = 'https://district.example.org/records/student/2025/very-long-path-without-spaces';
    const lines = wrapText(url, fonts.regular, 10, 80);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(url);
  });

  it('keeps explicit line breaks and drops control characters', () => {
    expect(wrapText('Line one\r\nLine\u0007 two', fonts.regular, 10, 400)).toEqual(['Line one', 'Line two']);
  });

  it('measures a table in a dry run exactly as it draws it', async () => {
    const rows = Array.from({ length: 60 }, (_, index) => ({ cells: [`Row ${index}`, 'word '.repeat(index % 30)] }));
    const columns = [
      { header: 'A', share: 1 },
      { header: 'B', share: 3 },
    ];
    const dry = new FlowWriter(fonts, () => null);
    dry.newPage();
    dry.table(columns, rows);
    const doc = await PDFDocument.create();
    const drawn = new FlowWriter(fonts, () => doc.addPage());
    drawn.newPage();
    drawn.table(columns, rows);
    expect(dry.pageCount).toBeGreaterThan(1);
    expect(drawn.pageCount).toBe(dry.pageCount);
    expect(doc.getPageCount()).toBe(dry.pageCount);
  });
});
