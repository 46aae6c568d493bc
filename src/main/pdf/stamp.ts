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

type Placement = { x: number; y: number; angle: number };

/** The page's visible box and how it is stored rotated: read once per page (each read walks the page tree's inherited entries). */
interface PageFrame {
  box: { x: number; y: number; width: number; height: number };
  angle: number;
}

function frameOf(page: PDFPage): PageFrame {
  return { box: page.getCropBox(), angle: ((page.getRotation().angle % 360) + 360) % 360 };
}

/**
 * Maps a point measured on the page as the reader sees it (origin bottom-left of the visible
 * crop box) to the page's own coordinates, so stamps land at the visual bottom of pages that are
 * stored rotated (/Rotate 90, 180, 270) — common in scanned landscape records.
 */
function toPageSpace({ box, angle }: PageFrame, u: number, v: number): Placement {
  switch (angle) {
    case 90:
      return { x: box.x + box.width - v, y: box.y + u, angle: 90 };
    case 180:
      return { x: box.x + box.width - u, y: box.y + box.height - v, angle: 180 };
    case 270:
      return { x: box.x + v, y: box.y + box.height - u, angle: 270 };
    default:
      return { x: box.x + u, y: box.y + v, angle: 0 };
  }
}

function visualWidth({ box, angle }: PageFrame): number {
  return angle === 90 || angle === 270 ? box.height : box.width;
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
    const frame = frameOf(page);
    const width = visualWidth(frame);
    const placed: [string, number][] = [];
    if (stamp.left) placed.push([stamp.left, EDGE_X]);
    if (stamp.centre) placed.push([stamp.centre, (width - textWidth(this.font, stamp.centre, STAMP_SIZE)) / 2]);
    placed.push([stamp.right, width - EDGE_X - textWidth(this.font, stamp.right, STAMP_SIZE)]);
    const key = this.fontKey(page);
    const color = `${INK.red} ${INK.green} ${INK.blue} rg`;
    let content = `q BT ${key.asString()} ${STAMP_SIZE} Tf ${color}\n`;
    for (const [text, u] of placed) {
      const { x, y, angle } = toPageSpace(frame, u, EDGE_Y);
      const radians = (angle * Math.PI) / 180;
      const cos = Math.round(Math.cos(radians));
      const sin = Math.round(Math.sin(radians));
      content += `${cos} ${sin} ${-sin} ${cos} ${x.toFixed(2)} ${y.toFixed(2)} Tm <${encodeText(this.font, text)}> Tj\n`;
    }
    content += 'ET Q\n';
    // Appended after pdf-lib's q…Q wrapper around the original content, so a page that leaves its
    // graphics state changed cannot move, scale or recolour the stamp.
    page.node.addContentStream(this.doc.context.register(this.doc.context.stream(content)));
  }
}
