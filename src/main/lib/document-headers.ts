/**
 * A stored document for the app's own preview frame: shown inline, framed only by the app itself,
 * never sniffed into another type, never cached, and unable to run anything.
 */
export function documentHeaders(mimeType: string, size: number): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Length': String(size),
    'Content-Disposition': 'inline',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
  };
}
