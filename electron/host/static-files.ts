/**
 * Maps a request path to a file of the built workbench (out/renderer), and never to anything
 * outside it: `..` segments (also percent-encoded) are refused before any lookup, and the real
 * path (symlinks resolved) must still lie inside the real root.
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export type StaticLookup =
  | { kind: 'file'; path: string; size: number; contentType: string }
  | { kind: 'forbidden' }
  | { kind: 'missing' }

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** `pathname` is the raw (still percent-encoded) path of the request URL. */
export async function lookupStaticFile(root: string, pathname: string): Promise<StaticLookup> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { kind: 'forbidden' }
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return { kind: 'forbidden' }
  if (decoded.split(/[\\/]/).includes('..')) return { kind: 'forbidden' }

  const relativePath = decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const realRoot = await realpath(root)
  const candidate = resolve(realRoot, `.${relativePath}`)
  if (!isInside(realRoot, candidate)) return { kind: 'forbidden' }
  let realFile: string
  try {
    realFile = await realpath(candidate)
  } catch {
    return { kind: 'missing' }
  }
  if (!isInside(realRoot, realFile)) return { kind: 'forbidden' }
  const info = await stat(realFile)
  if (!info.isFile()) return { kind: 'missing' }
  return { kind: 'file', path: realFile, size: info.size, contentType: contentTypeOf(realFile) }
}
