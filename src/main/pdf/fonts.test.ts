import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { buildBinder } from './binder';
import { embedFonts, encodeText, parsedFace, textWidth } from './fonts';
import { pageTexts, writeTemp } from './pdf-tools.testing';

const TIFINAGH_CASE = {
  title: 'ⵜⴰⵎⴰⵣⵉⵖⵜ v. District',
  studentName: 'ⴰⵎⴰⵏ Idir',
  familyName: 'Idir',
  district: 'District',
  advocate: 'Advocate',
  preparedOn: '2026-12-07',
};

const FILES = { regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' } as const;

describe("the header fields pdf-lib reads, taken from the file's bytes", () => {
  const POST_FIELDS = [
    'version',
    'italicAngle',
    'underlinePosition',
    'underlineThickness',
    'isFixedPitch',
    'minMemType42',
    'maxMemType42',
    'minMemType1',
    'maxMemType1',
  ];

  it("a binder's build does not have fontkit decode the post table (its glyph names)", async () => {
    const decoded: string[] = [];
    for (const face of ['regular', 'bold'] as const) {
      const internals = parsedFace(face) as unknown as { _decodeTable: (table: { tag: string }) => unknown };
      const decode = internals._decodeTable.bind(internals);
      vi.spyOn(internals, '_decodeTable').mockImplementation((table) => {
        decoded.push(table.tag);
        return decode(table);
      });
    }
    const result = await buildBinder({
      case: { ...TIFINAGH_CASE, title: 'Header fields v. District' },
      sections: [{ id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } }],
      options: { exhibitPrefix: 'P', bates: { prefix: 'HF', digits: 4, start: 1 } },
    });
    vi.restoreAllMocks();
    expect(pageTexts(writeTemp('header-fields.pdf', result.bytes)).join('\n')).toContain('Header fields v. District');
    expect(decoded).not.toContain('post');
    expect(decoded).not.toContain('name');
  });

  it.each(['regular', 'bold'] as const)("are fontkit's own for the %s face: PostScript name, post header, glyph names", (face) => {
    const fontkitOwn = fontkit.create(readFileSync(createRequire(import.meta.url).resolve(FILES[face])));
    const read = parsedFace(face);
    expect(Object.getOwnPropertyDescriptor(read, 'postscriptName')).toBeDefined();
    expect(read.postscriptName).toBe(fontkitOwn.postscriptName);
    const post = (read as unknown as { post: Record<string, unknown> }).post;
    const ownPost = (fontkitOwn as unknown as { post: Record<string, unknown> }).post;
    for (const field of POST_FIELDS) expect([field, post[field]]).toEqual([field, ownPost[field]]);
    expect(read.italicAngle).toBe(fontkitOwn.italicAngle);
    // The names, decoded by fontkit when a glyph's name is first asked for.
    const nameOf = (font: typeof read, id: number) => (font.getGlyph(id) as unknown as { name: string | null }).name;
    for (const id of [0, 1, 3, 36, 68, 500, 2000, read.numGlyphs - 1]) expect(nameOf(read, id)).toBe(nameOf(fontkitOwn, id));
  });

  it("each face has its own fields (the names differ; DejaVu's faces are upright and proportional)", () => {
    expect(parsedFace('regular').postscriptName).toBe('DejaVuSans');
    expect(parsedFace('bold').postscriptName).toBe('DejaVuSans-Bold');
    for (const face of ['regular', 'bold'] as const) {
      const post = (parsedFace(face) as unknown as { post: Record<string, unknown> }).post;
      expect([post.version, post.italicAngle, post.isFixedPitch]).toEqual([2, 0, 0]);
    }
  });
});

describe('one character, one glyph: the direct lookup pdf-lib is handed', () => {
  it.each(['regular', 'bold'] as const)("gives the shaper's glyph for every character of the %s face", (face) => {
    // A fresh parse of the same file, its layout untouched: fontkit's shaper as pdf-lib would run it.
    const shaper = fontkit.create(readFileSync(createRequire(import.meta.url).resolve(FILES[face])));
    const direct = parsedFace(face);
    const differing: string[] = [];
    let compared = 0;
    for (const codePoint of shaper.characterSet) {
      const character = String.fromCodePoint(codePoint);
      let shaped;
      try {
        shaped = shaper.layout(character).glyphs;
      } catch {
        continue; // fontkit's shaper throws on a few scripts (below)
      }
      compared += 1;
      const glyphs = direct.layout(character).glyphs;
      const isSame =
        glyphs.length === shaped.length && glyphs.every((glyph, index) => glyph.id === shaped[index]?.id && glyph.advanceWidth === shaped[index]?.advanceWidth);
      if (!isSame) differing.push(codePoint.toString(16));
    }
    expect(compared).toBeGreaterThan(5_000);
    expect(differing).toEqual([]);
  });

  it('draws nothing for a soft hyphen or a zero-width joiner (a space wide before), so the word reads whole', async () => {
    const fonts = await embedFonts(await PDFDocument.create());
    expect(textWidth(fonts.regular, 'psycho\u00adpédagogique', 10)).toBe(textWidth(fonts.regular, 'psychopédagogique', 10));
    expect(textWidth(fonts.bold, 'Zoë\u200dNguyễn', 10)).toBe(textWidth(fonts.bold, 'ZoëNguyễn', 10));
    expect(encodeText(fonts.regular, 'a\u00adb\u200bc')).toBe(encodeText(fonts.regular, 'abc'));
    const result = await buildBinder({
      case: { ...TIFINAGH_CASE, title: 'Évaluation psycho\u00adpédagogique' },
      sections: [{ id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } }],
      options: { exhibitPrefix: 'P' },
    });
    expect(pageTexts(writeTemp('soft-hyphen.pdf', result.bytes)).join('\n')).toContain('psychopédagogique');
  });

  it('longer text, or a character with OpenType features asked for, still goes through the shaper', () => {
    const direct = parsedFace('regular');
    expect(direct.layout('Ab').glyphs.map((glyph) => glyph.id)).toEqual(direct.glyphsForString('Ab').map((glyph) => glyph.id));
    // Only the shaper gives positions.
    expect(direct.layout('Ab').positions).toHaveLength(2);
    expect(direct.layout('a', ['smcp']).positions).toHaveLength(1);
    expect(direct.layout('a').positions).toBeUndefined();
  });

  it('builds a binder for a family whose name is written in Tifinagh (fontkit’s shaper throws on it)', async () => {
    const result = await buildBinder({
      case: TIFINAGH_CASE,
      sections: [{ id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } }],
      options: { exhibitPrefix: 'P' },
    });
    expect(pageTexts(writeTemp('tifinagh.pdf', result.bytes)).join('\n')).toContain('ⴰⵎⴰⵏ Idir');
  });
});
