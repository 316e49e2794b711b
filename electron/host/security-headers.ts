/** Response headers of the browser-mode host; the CSP is the same as renderer/index.html's meta tag. */
export const WORKBENCH_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"

/**
 * Headers sent with every response, files and refusals alike. The CSP is added to the workbench
 * page and refusals; other pages (the simulator frame) carry their own in a meta tag.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the token: never hand it to another site as a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
