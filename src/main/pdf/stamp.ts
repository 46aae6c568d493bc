import type { PDFDict, PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import type { BatesOptions } from './binder-model';
import { encodeText, textWidth } from './fonts';
import { INK } from './pdf-text';

/** Bates-style ID for the page at zero-based `pageIndex`: prefix + zero-padded running number. */
export function formatBatesId(bates: BatesOptions, pageIndex: number): string {
  return `${bates.prefix}${String(bates.start + pageIndex).padStart(bates.digits, '0')}`;
}

const STAMP_SIZE = 8;
const EDGE_X = 36;
const EDGE_Y = 18;

/**
 * The page's visible box (read once per page: each read walks the page tree's inherited entries).
 * A binder page is always upright: fitPageIntoBands (page-fit.ts) turns a page stored rotated
 * (/Rotate 90, 180, 270, common in scanned landscape records) into an upright page and drops its
 * /Rotate, and generated pages have none. A stamp is placed in that upright space, so a rotated
 * page reaching the stamper is a bug upstream, refused rather than stamped along the wrong edge.
 */
function uprightBox(page: PDFPage): { x: number; y: number; width: number; height: number } {
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  if (angle !== 0) throw new Error(`A page stored rotated (${angle}°) reached the stamper; binder pages are made upright first.`);
  return page.getCropBox();
}

export interface PageStamp {
  /** Bottom-left, e.g. the Bates ID. */
  left?: string | undefined;
  /** Bottom-centre, e.g. the exhibit number on every page of an exhibit. */
  centre?: string | undefined;
  /** Bottom-right, e.g. 'Page 12 of 480'. */
  right: string;
}

/**
 * Stamps are the only per-page work on hundreds of pages, so they bypass page.drawText (a fontkit
 * layout per string, a new font resource per call): glyph codes come from the per-character
 * cache and each page gets one small uncompressed content stream written directly.
 */
export class PageStamper {
  private readonly fontKeys = new WeakMap<PDFDict, PDFName>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {}

  /** The font's resource name on this page, reusing it when pages share one /Font dictionary. */
  private fontKey(page: PDFPage): PDFName {
    const fonts = page.node.normalizedEntries().Font;
    const known = this.fontKeys.get(fonts);
    if (known && fonts.get(known) === this.font.ref) return known;
    const key = page.node.newFontDictionary('AdvStamp', this.font.ref);
    this.fontKeys.set(fonts, key);
    return key;
  }

  stamp(page: PDFPage, stamp: PageStamp): void {
    const box = uprightBox(page);
    const placed: [string, number][] = [];
    if (stamp.left) placed.push([stamp.left, EDGE_X]);
    if (stamp.centre) placed.push([stamp.centre, (box.width - textWidth(this.font, stamp.centre, STAMP_SIZE)) / 2]);
    placed.push([stamp.right, box.width - EDGE_X - textWidth(this.font, stamp.right, STAMP_SIZE)]);
    const key = this.fontKey(page);
    const color = `${INK.red} ${INK.green} ${INK.blue} rg`;
    let content = `q BT ${key.asString()} ${STAMP_SIZE} Tf ${color}\n`;
    for (const [text, u] of placed) {
      content += `1 0 0 1 ${(box.x + u).toFixed(2)} ${(box.y + EDGE_Y).toFixed(2)} Tm <${encodeText(this.font, text)}> Tj\n`;
    }
    content += 'ET Q\n';
    // Appended after pdf-lib's q…Q wrapper around the original content, so a page that leaves its
    // graphics state changed cannot move, scale or recolour the stamp.
    page.node.addContentStream(this.doc.context.register(this.doc.context.stream(content)));
  }
}
