/**
 * The renderer's Content-Security-Policy, in one place for Electron, the bridge and index.html's
 * meta tag (the test suite checks they agree). No inline script, no eval, nothing remote.
 * Styles allow 'unsafe-inline' because Mantine sets style attributes; scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
