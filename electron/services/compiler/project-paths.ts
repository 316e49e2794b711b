/** Path arithmetic inside a mini-program root; every path is root-relative with `/` separators. */

/**
 * Resolves `target` as written in `fromFile` (`./x`, `../x`, `x` relative; `/x` from the root).
 * Returns `null` when it climbs above the root.
 */
export function resolveProjectPath(fromFile: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : fromFile.split('/').slice(0, -1)
  const parts = [...base]
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else {
      parts.push(segment)
    }
  }
  return parts.length === 0 ? null : parts.join('/')
}

/** `pages/a/b.wxml` → `pages/a/b`. */
export function withoutExtension(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path
}
