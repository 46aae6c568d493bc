import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface FontSet {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * DejaVu Sans covers Latin with accents, Greek, Cyrillic and more, so families' names print as
 * written. The standard 14 PDF fonts only know WinAnsi and would throw on 'Nguyễn' or 'Łukasz'.
 */
const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

type Face = keyof typeof FONT_FILES;
type ParsedFont = ReturnType<typeof fontkit.create>;

/** Parsed once per process: fontkit's table parsing was a large share of each build. */
const parsedFonts = new Map<Face, { bytes: Uint8Array; font: ParsedFont }>();

/**
 * Soft hyphens, zero-width joiners and spaces, bidi marks, variation selectors: invisible unless a
 * line breaks or a shaper joins glyphs there. Text pasted from Word or a web page carries them.
 */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Every string reaches pdf-lib one character at a time (textWidth and encodeText below cache per
 * character), so fontkit's shaping (GSUB and GPOS lookups: ligatures, kerning, contextual forms)
 * has no neighbours to act on: for one character it returns the font's own glyph, as a plain cmap
 * lookup does (fonts.test.ts checks every character of both faces). The lookup skips reading the
 * shaping tables and running the shaper, which took about 50 ms of a binder's first build, and it
 * does not throw where fontkit's shaper does (Tifinagh, for one). Longer text and the default-
 * ignorable characters (which textWidth and encodeText leave out) still go through the shaper.
 */
function withDirectGlyphLookup(font: ParsedFont): ParsedFont {
  const shape = font.layout.bind(font);
  font.layout = (text: string, ...rest) => {
    const codePoint = text.codePointAt(0);
    const isOneCharacter = codePoint !== undefined && text.length === (codePoint > 0xffff ? 2 : 1);
    // OpenType features asked for (small capitals, say) act on one character too: the shaper's job.
    const [features] = rest;
    const hasFeatures = Array.isArray(features) ? features.length > 0 : features !== undefined && Object.keys(features).length > 0;
    if (!isOneCharacter || hasFeatures || DEFAULT_IGNORABLE.test(text)) return shape(text, ...rest);
    // pdf-lib reads only the glyphs of a run (it draws without the shaper's positions).
    return { glyphs: font.glyphsForString(text) } as ReturnType<ParsedFont['layout']>;
  };
  return font;
}

interface TableEntry {
  tag: string;
  offset: number;
  length: number;
}

/** What of fontkit's parsed font this relies on: the table directory, the decoded tables' cache, the decoder. */
interface FontkitInternals {
  directory: { tables: Partial<Record<string, TableEntry>> };
  _tables: Record<string, unknown>;
  _decodeTable(table: TableEntry): Record<string, unknown> | undefined;
}

/** The bytes at `offset` (from the font's start), refused beyond the font's own bytes. */
function slice(view: DataView, offset: number, length: number): Uint8Array {
  if (offset + length > view.byteLength) throw new RangeError('outside the font');
  return new Uint8Array(view.buffer, view.byteOffset + offset, length);
}

/** The name table's PostScript name (name id 6), Windows or Unicode record first, or null. */
function readPostscriptName(view: DataView, table: TableEntry | undefined): string | null {
  if (!table) return null;
  const count = view.getUint16(table.offset + 2);
  const strings = table.offset + view.getUint16(table.offset + 4);
  let mac: Uint8Array | null = null;
  for (let index = 0; index < count; index++) {
    const record = table.offset + 6 + index * 12;
    if (view.getUint16(record + 6) !== 6) continue;
    const platform = view.getUint16(record);
    const bytes = slice(view, strings + view.getUint16(record + 10), view.getUint16(record + 8));
    // Windows and Unicode platforms store UTF-16BE; the Mac platform, one byte per character (a
    // PostScript name is printable ASCII either way).
    if (platform === 0 || platform === 3) return new TextDecoder('utf-16be').decode(bytes);
    if (platform === 1) mac ??= bytes;
  }
  return mac ? new TextDecoder('latin1').decode(mac) : null;
}

/** The post table's fields after its version, in order: the header every version has. */
const POST_HEADER = ['underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1'] as const;

/**
 * The post table as fontkit decodes it, its header read from the bytes and the rest (glyph names,
 * which only a glyph's `name` reads) decoded by fontkit when first asked for.
 */
function postWithLazyNames(view: DataView, table: TableEntry, decodeAll: () => Record<string, unknown> | undefined): Record<string, unknown> {
  if (table.length < 32) throw new RangeError('post table too short');
  const at = table.offset;
  slice(view, at, 32);
  const post: Record<string, unknown> = { version: view.getInt32(at) / 65_536, italicAngle: view.getInt32(at + 4) / 65_536 };
  POST_HEADER.forEach((field, index) => {
    post[field] = index < 2 ? view.getInt16(at + 8 + index * 2) : view.getUint32(at + 12 + (index - 2) * 4);
  });
  let all: Record<string, unknown> | undefined;
  for (const field of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(post, field, { enumerable: true, get: () => (all ??= decodeAll())?.[field] });
  }
  return post;
}

/**
 * pdf-lib reads a few header fields of a face it embeds: the PostScript name (name table), the
 * italic angle and whether it is fixed-pitch (post table). fontkit decodes each whole table to
 * answer: every localised name, and the post table's glyph names (about 6,000 in DejaVu Sans),
 * about 40 ms of a binder's first build for the two faces. Those fields are read here from the
 * file's own bytes (fonts.test.ts checks they equal fontkit's); a face whose tables do not read so
 * keeps fontkit's answers.
 */
function withHeaderFieldsRead(font: ParsedFont, bytes: Uint8Array): ParsedFont {
  const internals = font as unknown as FontkitInternals;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { tables } = internals.directory;
  try {
    const postscriptName = readPostscriptName(view, tables.name);
    if (postscriptName !== null) Object.defineProperty(font, 'postscriptName', { value: postscriptName });
  } catch {
    // A malformed name table: fontkit's own reading.
  }
  const postTable = tables.post;
  try {
    if (postTable && !('post' in internals._tables)) internals._tables.post = postWithLazyNames(view, postTable, () => internals._decodeTable(postTable));
  } catch {
    // A malformed or short post table: fontkit's own reading.
  }
  return font;
}

function loadFace(face: Face): { bytes: Uint8Array; font: ParsedFont } {
  let loaded = parsedFonts.get(face);
  if (!loaded) {
    const bytes = readFileSync(createRequire(import.meta.url).resolve(FONT_FILES[face]));
    loaded = { bytes, font: withHeaderFieldsRead(withDirectGlyphLookup(fontkit.create(bytes)), bytes) };
    parsedFonts.set(face, loaded);
  }
  return loaded;
}

/** For the test: the face's parsed font, as pdf-lib is handed it. */
export function parsedFace(face: Face): ParsedFont {
  return loadFace(face).font;
}

/**
 * Hands pdf-lib the already-parsed font for bytes it has seen. Sharing is safe: each embedding
 * makes its own subset, and the parsed font only caches what it read from the file.
 */
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create(data: Uint8Array, postscriptName?: string) {
    for (const loaded of parsedFonts.values()) if (loaded.bytes === data && !postscriptName) return loaded.font;
    return fontkit.create(data, postscriptName);
  },
};

const faceOf = new WeakMap<PDFFont, Face>();

/**
 * Embeds the fonts once per output document. Subsetting keeps a binder small (a full DejaVu Sans
 * is ~750 KB per face) and costs little because only the glyphs actually drawn are written.
 */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  doc.registerFontkit(cachingFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(loadFace('regular').bytes, { subset: true }),
    doc.embedFont(loadFace('bold').bytes, { subset: true }),
  ]);
  faceOf.set(regular, 'regular');
  faceOf.set(bold, 'bold');
  return { regular, bold };
}

/** Advance widths at size 1 per face and character: intrinsic to the font, so shared by all builds. */
const faceWidths = new Map<Face, Map<string, number>>();
/** Glyph codes depend on each document's subset, so they are cached per embedded font. */
const fontCodes = new WeakMap<PDFFont, Map<string, string>>();

function widthsFor(font: PDFFont): Map<string, number> {
  const face = faceOf.get(font);
  if (!face) return new Map();
  let widths = faceWidths.get(face);
  if (!widths) {
    widths = new Map();
    faceWidths.set(face, widths);
  }
  return widths;
}

/**
 * Width of `text` in points at `size`, from per-character advance widths. pdf-lib runs a full
 * fontkit layout (GSUB/GPOS lookups) for every string it measures, which dominated build time;
 * it also draws glyph ids without kerning offsets, so the sum of advances is the drawn width.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const widths = widthsFor(font);
  let width = 0;
  for (const character of text) {
    let advance = widths.get(character);
    if (advance === undefined) {
      advance = DEFAULT_IGNORABLE.test(character) ? 0 : font.widthOfTextAtSize(character, 1);
      widths.set(character, advance);
    }
    width += advance;
  }
  return width * size;
}

/** The text as the body of a PDF hex string (no angle brackets) of this font's glyph codes. */
export function encodeText(font: PDFFont, text: string): string {
  let codes = fontCodes.get(font);
  if (!codes) {
    codes = new Map();
    fontCodes.set(font, codes);
  }
  let hex = '';
  for (const character of text) {
    let code = codes.get(character);
    if (code === undefined) {
      // Invisible characters draw nothing (pdf-lib would draw a space's glyph, a space wide: the
      // shaper's placeholder without its zero advance). Encoding through the font also registers
      // the glyph with the document's subset.
      code = DEFAULT_IGNORABLE.test(character) ? '' : font.encodeText(character).asString();
      codes.set(character, code);
    }
    hex += code;
  }
  return hex;
}
