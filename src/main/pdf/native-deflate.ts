import pako from 'pako';
import { deflateSync } from 'node:zlib';

// pako is pdf-lib's own dependency. Imported by name, it is the instance pdf-lib loads: under Node
// both resolve to the one node_modules/pako (a CommonJS module is loaded once), and a bundler that
// inlines pdf-lib (the CLI's) inlines pako once for both.
const javascriptDeflate = pako.deflate;

/** Node's zlib in place of pako's: the same zlib-wrapped deflate stream at the same default level. */
function nativeDeflate(data: Uint8Array, options?: unknown): Uint8Array {
  // pdf-lib always calls it with the data alone; anything else goes to pako unchanged.
  if (options !== undefined) return javascriptDeflate(data, options);
  // A plain Uint8Array, as pako returns: pdf-lib's slice() of it must copy (a Buffer's is a view),
  // and it holds no share of a larger pooled buffer.
  return new Uint8Array(deflateSync(data));
}

/**
 * pdf-lib compresses every object stream and embedded font with pako, zlib written in JavaScript.
 * In a binder's first build in a process (the CLI's, a fresh PDF worker's) that code is not yet
 * compiled, and pako took about 85 ms of a 500-page build's 550. pdf-lib offers no way to pass a
 * compressor, so its pako's `deflate` is pointed at Node's zlib (C, the same format and level)
 * when binder.ts is loaded (so also for letters, e-mail printouts and the PDF worker's warm-up).
 * Decoding is untouched (pdf-lib inflates with its own code). Calling it again does nothing new.
 */
export function useNativeDeflate(): void {
  pako.deflate = nativeDeflate;
}
