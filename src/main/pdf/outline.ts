import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Rect } from './pdf-text';

/** One bookmark; children appear indented under it in the viewer's bookmark panel. */
export interface OutlineItem {
  title: string;
  page: PDFPage;
  children?: OutlineItem[];
  /** Open items show their children; closed ones collapse them. Defaults to open. */
  isOpen?: boolean;
}

function fitDestination(doc: PDFDocument, page: PDFPage): PDFArray {
  return doc.context.obj([page.ref, PDFName.of('Fit')]);
}

/**
 * Writes the document outline (bookmarks). pdf-lib has no API for it, so the /Outlines tree is
 * built by hand as ISO 32000-1 §12.3.3 describes: each item links to its siblings (/Prev, /Next),
 * its parent and its first and last child; /Count is the number of visible descendants (negative
 * when the item is closed). Titles are written as UTF-16 so accented names survive.
 */
export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const context = doc.context;
  const rootRef = context.nextRef();

  /** Writes one level; returns its first/last refs and how many items it shows when open. */
  const writeLevel = (level: OutlineItem[], parentRef: PDFRef) => {
    const refs = level.map(() => context.nextRef());
    let visible = 0;
    level.forEach((item, position) => {
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), fitDestination(doc, item.page));
      const previous = refs[position - 1];
      const next = refs[position + 1];
      if (previous) dict.set(PDFName.of('Prev'), previous);
      if (next) dict.set(PDFName.of('Next'), next);
      const ref = refs[position] as PDFRef;
      visible += 1;
      if (item.children && item.children.length > 0) {
        const child = writeLevel(item.children, ref);
        dict.set(PDFName.of('First'), child.first);
        dict.set(PDFName.of('Last'), child.last);
        const isOpen = item.isOpen ?? true;
        dict.set(PDFName.of('Count'), PDFNumber.of(isOpen ? child.visible : -child.visible));
        if (isOpen) visible += child.visible;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, visible };
  };

  if (items.length === 0) return;
  const top = writeLevel(items, rootRef);
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.visible));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmark panel showing: a mediator navigates the binder by its tabs.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Makes `rect` on `page` a clickable link that jumps to `target` (fit to window). */
export function addPageLink(doc: PDFDocument, page: PDFPage, rect: Rect, target: PDFPage): void {
  const context = doc.context;
  const annotation = context.obj({}) as PDFDict;
  annotation.set(PDFName.of('Type'), PDFName.of('Annot'));
  annotation.set(PDFName.of('Subtype'), PDFName.of('Link'));
  annotation.set(PDFName.of('Rect'), context.obj([rect.x, rect.y, rect.x + rect.width, rect.y + rect.height]));
  // No visible border: the row itself is the affordance, as in printed tables of contents.
  annotation.set(PDFName.of('Border'), context.obj([0, 0, 0]));
  annotation.set(PDFName.of('Dest'), fitDestination(doc, target));
  page.node.addAnnot(context.register(annotation));
}

/** Reads the outline back: titles with their depth, in viewer order. Used by tests and checks. */
export function readOutline(doc: PDFDocument): { title: string; depth: number }[] {
  const result: { title: string; depth: number }[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (first: PDFDict | undefined, depth: number) => {
    let item = first;
    let guard = 0;
    while (item && guard++ < 100_000) {
      const title = item.lookup(PDFName.of('Title'));
      result.push({ title: title instanceof PDFHexString ? title.decodeText() : String(title), depth });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return result;
}
