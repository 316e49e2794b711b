import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Transform } from 'node:stream'

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
}

/**
 * A decoder chain for a `content-encoding` value (last applied, first undone), or undefined when
 * the body is not encoded or uses an encoding a client would not undo (then it passes as is).
 */
export function createContentDecoder(contentEncoding: string | undefined): Transform[] | undefined {
  if (!contentEncoding) return undefined
  const names = contentEncoding
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name && name !== 'identity')
  if (names.length === 0 || names.length > 3 || names.some((name) => !DECODERS[name]))
    return undefined
  return names.reverse().map((name) => DECODERS[name]())
}
