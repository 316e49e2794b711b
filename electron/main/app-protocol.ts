/**
 * The workbench's own scheme, `mpdt://workbench/…`, serving out/renderer. Electron's security
 * checklist prefers a custom protocol to file://: pages get a real origin and response headers
 * (the CSP), no other local file is reachable, and the simulator's sandboxed frame (origin `null`)
 * may load its scripts by CORS, which file:// refuses it. Written with the Fetch API's Request and
 * Response only, so it is tested in plain Node.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { SECURITY_HEADERS, WORKBENCH_CSP } from '../host/security-headers'
import { lookupStaticFile } from '../host/static-files'

export const APP_SCHEME = 'mpdt'
export const APP_HOST = 'workbench'
/** The URL of the workbench page. */
export const WORKBENCH_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Privileges the scheme is registered with (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const

function refusal(status: 403 | 404 | 405): Response {
  const text = { 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' }[status]
  return new Response(text, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': WORKBENCH_CSP,
      'Content-Type': 'text/plain; charset=utf-8',
    },
  })
}

export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405)
    const url = new URL(request.url)
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404)
    // The raw path keeps percent-encoding, so encoded dot segments are judged as they came.
    const rawPath = request.url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0]
    const file = await lookupStaticFile(rendererDir, rawPath || '/')
    if (file.kind === 'forbidden') return refusal(403)
    if (file.kind === 'missing') return refusal(404)

    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
    }
    if (basename(file.path) === 'index.html') headers['Content-Security-Policy'] = WORKBENCH_CSP
    // The simulator's sandboxed frame loads its module scripts by CORS from the origin `null`.
    if (request.headers.get('origin') === 'null') headers['Access-Control-Allow-Origin'] = '*'
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file.path))
    return new Response(body, { status: 200, headers })
  }
}
