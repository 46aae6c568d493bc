import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument, type PDFPage } from 'pdf-lib';

/** Paper sizes a binder is printed on, in points (portrait). */
export const PAPER_SIZES = {
  letter: [612, 792],
  a4: [595.28, 841.89],
} as const satisfies Record<string, readonly [number, number]>;

export type PaperSize = keyof typeof PAPER_SIZES;

/**
 * The white band kept free at the top and bottom of every imported page: the stamps (page number,
 * Bates ID, exhibit label) are drawn inside the bottom band, so they can never sit on the record.
 */
export const STAMP_BAND = 36;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FittedPage {
  /** Where the original page's visible area now sits on the binder page. */
  placed: Box;
  /** The binder page's size (landscape pages stay landscape). */
  pageSize: [number, number];
  scale: number;
}

/** The new page size and the box the visible page (crop box, as rotated) is scaled into. */
export function planFit(visualWidth: number, visualHeight: number, paper: PaperSize): FittedPage {
  const [portraitWidth, portraitHeight] = PAPER_SIZES[paper];
  const isLandscape = visualWidth > visualHeight;
  const pageSize: [number, number] = isLandscape ? [portraitHeight, portraitWidth] : [portraitWidth, portraitHeight];
  const [pageWidth, pageHeight] = pageSize;
  const room = { width: pageWidth, height: pageHeight - 2 * STAMP_BAND };
  // Never enlarged: a half-letter notice prints at its own size, centred.
  const scale = Math.min(1, room.width / visualWidth, room.height / visualHeight);
  const width = visualWidth * scale;
  const height = visualHeight * scale;
  return {
    pageSize,
    scale,
    placed: { x: (pageWidth - width) / 2, y: STAMP_BAND + (room.height - height) / 2, width, height },
  };
}

type Matrix = [number, number, number, number, number, number];

/**
 * The matrix taking the source page's own coordinates to the binder page: undo the /Rotate the
 * viewer would apply (so what the reader saw upright stays upright), then scale and move into the
 * placed box. Derived per quarter turn from where the crop box's corners appear on screen.
 */
function placementMatrix(crop: Box, rotation: number, fit: FittedPage): Matrix {
  const s = fit.scale;
  const { x: ox, y: oy } = fit.placed;
  const { x: x0, y: y0, width: w, height: h } = crop;
  switch (rotation) {
    case 90:
      return [0, -s, s, 0, ox - s * y0, oy + s * (x0 + w)];
    case 180:
      return [-s, 0, 0, -s, ox + s * (x0 + w), oy + s * (y0 + h)];
    case 270:
      return [0, s, -s, 0, ox + s * (y0 + h), oy - s * x0];
    default:
      return [s, 0, 0, s, ox - s * x0, oy - s * y0];
  }
}

function apply(matrix: Matrix, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = matrix;
  return [a * x + c * y + e, b * x + d * y + f];
}

const num = (value: number) => Number(value.toFixed(4)).toString();

/**
 * Turns a copied exhibit page into a binder page of the chosen paper size with its content scaled
 * into the space between the stamp bands. The original content is wrapped, not re-encoded: one
 * small stream before it (save state, matrix, clip to the visible area) and one after (restore),
 * so this costs the same on a 500-page binder as adding the pages did. The clip guarantees that
 * nothing the source drew outside its crop box can spill into the bands.
 */
export function fitPageIntoBands(doc: PDFDocument, page: PDFPage, paper: PaperSize): FittedPage {
  const crop = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const isQuarterTurn = rotation === 90 || rotation === 270;
  const fit = planFit(isQuarterTurn ? crop.height : crop.width, isQuarterTurn ? crop.width : crop.height, paper);
  const matrix = placementMatrix(crop, rotation, fit);

  const before = `q ${matrix.map(num).join(' ')} cm ${num(crop.x)} ${num(crop.y)} ${num(crop.width)} ${num(crop.height)} re W n\n`;
  const node = page.node;
  const contents = node.Contents();
  const existing = contents instanceof PDFArray ? contents.asArray() : contents ? [node.get(PDFName.of('Contents'))] : [];
  const open = doc.context.register(doc.context.stream(before));
  const close = doc.context.register(doc.context.stream('Q\n'));
  node.set(PDFName.of('Contents'), doc.context.obj([open, ...existing.filter((entry) => entry !== undefined), close]));

  // Annotations that survived sanitising (highlights, notes, form widgets) move with their page.
  const annotations = node.Annots();
  if (annotations) {
    for (let index = 0; index < annotations.size(); index += 1) {
      const annotation = annotations.lookup(index);
      if (!(annotation instanceof PDFDict)) continue;
      const rect = annotation.lookup(PDFName.of('Rect'));
      if (!(rect instanceof PDFArray) || rect.size() !== 4) continue;
      const values = rect.asArray().map((value) => (value instanceof PDFNumber ? value.asNumber() : 0));
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = values;
      const corners = [apply(matrix, x1, y1), apply(matrix, x2, y2)];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      annotation.set(PDFName.of('Rect'), doc.context.obj([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]));
    }
  }

  const [pageWidth, pageHeight] = fit.pageSize;
  node.set(PDFName.of('MediaBox'), doc.context.obj([0, 0, pageWidth, pageHeight]));
  for (const box of ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox']) node.delete(PDFName.of(box));
  node.delete(PDFName.of('Rotate'));
  // A /UserUnit other than 1 would scale the whole page again in the viewer.
  node.delete(PDFName.of('UserUnit'));
  return fit;
}
