import { PDFArray, PDFDict, PDFName, PDFRef, type PDFPage } from 'pdf-lib';

const LINK_LIKE = new Set(['Link', 'Screen', 'Movie', 'Sound', 'RichMedia', 'FileAttachment', '3D']);
const ACTION_KEYS = ['A', 'AA', 'PA', 'Next'].map((key) => PDFName.of(key));

/** Removes the keys, and the objects they point to: pdf-lib writes every object it holds, referenced or not. */
function stripActions(dict: PDFDict): void {
  for (const key of ACTION_KEYS) {
    const value = dict.get(key);
    if (value instanceof PDFRef) dict.context.delete(value);
    dict.delete(key);
  }
}

/**
 * Removes what could act when a binder is opened or clicked: the page's own actions (/AA, which
 * can run JavaScript on open and close), link annotations (URIs, launch actions, jumps into other
 * files), embedded media and attachments, and any action on the annotations that stay. Form
 * widgets stay (a filled-in district form keeps its printed values) without their actions, up
 * their field hierarchy. The catalog's /OpenAction and /Names JavaScript never reach a binder:
 * only pages are copied. Returns how many annotations were dropped.
 */
export function stripActiveContent(page: PDFPage): number {
  const node = page.node;
  node.delete(PDFName.of('AA'));
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return 0;
  const kept = page.doc.context.obj([]);
  let dropped = 0;
  for (let index = 0; index < annots.size(); index += 1) {
    const annot = annots.lookupMaybe(index, PDFDict);
    if (!annot) continue;
    const subtype = annot.lookupMaybe(PDFName.of('Subtype'), PDFName);
    if (subtype && LINK_LIKE.has(subtype.decodeText())) {
      stripActions(annot);
      const ref = annots.get(index);
      if (ref instanceof PDFRef) page.doc.context.delete(ref);
      dropped += 1;
      continue;
    }
    stripActions(annot);
    let parent = annot.lookupMaybe(PDFName.of('Parent'), PDFDict);
    for (let depth = 0; parent && depth < 32; depth += 1) {
      stripActions(parent);
      parent = parent.lookupMaybe(PDFName.of('Parent'), PDFDict);
    }
    kept.push(annots.get(index));
  }
  if (kept.size() === 0) node.delete(PDFName.of('Annots'));
  else node.set(PDFName.of('Annots'), kept);
  return dropped;
}
