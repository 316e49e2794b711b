/**
 * The one way into a project's files. Every path is resolved with `realpath` and must stay inside
 * the project folder's real path, so `../`, absolute paths, encoded traversal and symlinks that
 * point outside never lead to a read on the project's behalf.
 */
import { constants, promises as fs } from 'node:fs'
import path from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'

export const OUTSIDE_PROJECT = 'OUTSIDE_PROJECT'
export const NOT_FOUND = 'NOT_FOUND'
export const UNREADABLE = 'UNREADABLE'

function isInside(rootReal: string, candidate: string): boolean {
  const relative = path.relative(rootReal, candidate)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function outside(requestPath: string): Result<string> {
  return fail({ code: OUTSIDE_PROJECT, message: `Path is outside the project: ${requestPath}` })
}

/**
 * The real absolute path of `relativePath` (a file-system path relative to the project folder;
 * a leading `/` means the project folder itself, never the file-system root).
 */
export async function resolveProjectPath(
  root: string,
  relativePath: string,
): Promise<Result<string>> {
  let rootReal: string
  try {
    rootReal = await fs.realpath(root)
  } catch {
    return fail({ code: NOT_FOUND, message: `Project folder not found: ${root}` })
  }
  return resolveUnderRealRoot(rootReal, relativePath)
}

/**
 * As `resolveProjectPath` for a root that is already a real path (as `ProjectInfo.dir` is), which
 * saves resolving it again for every file. A root that is not real fails closed: real paths under
 * it cannot exist, so everything looks outside.
 */
export async function resolveUnderRealRoot(
  rootReal: string,
  relativePath: string,
): Promise<Result<string>> {
  if (relativePath.includes('\0')) return fail({ code: NOT_FOUND, message: 'Invalid path' })
  const lexical = path.resolve(rootReal, `.${path.sep}${relativePath}`)
  if (!isInside(rootReal, lexical)) return outside(relativePath)
  let real: string
  try {
    real = await fs.realpath(lexical)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') {
      return fail({ code: UNREADABLE, message: `Symbolic link loop: ${relativePath}` })
    }
    return fail({ code: NOT_FOUND, message: `Not found: ${relativePath}` })
  }
  return isInside(rootReal, real) ? ok(real) : outside(relativePath)
}

/**
 * Resolves a request path as it arrives in a URL (percent-encoded, `/`-separated) to the real
 * path of a file inside `root`: error `OUTSIDE_PROJECT`, or `NOT_FOUND` (also for a folder).
 */
export async function resolveInsideProject(
  root: string,
  requestPath: string,
): Promise<Result<string>> {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return fail({ code: NOT_FOUND, message: `Malformed request path: ${requestPath}` })
  }
  const resolved = await resolveProjectPath(root, decoded)
  if (!resolved.ok) return resolved
  const isFile = await fs.stat(resolved.value).then(
    (stats) => stats.isFile(),
    () => false,
  )
  return isFile ? resolved : fail({ code: NOT_FOUND, message: `Not a file: ${requestPath}` })
}

/**
 * Reads a text file inside the project whose real path is `rootReal`: `NOT_FOUND`,
 * `OUTSIDE_PROJECT` or `UNREADABLE` otherwise.
 */
export async function readProjectFile(
  rootReal: string,
  relativePath: string,
): Promise<Result<string>> {
  const resolved = await resolveUnderRealRoot(rootReal, relativePath)
  if (!resolved.ok) return resolved
  try {
    // O_NOFOLLOW: the checked real path cannot be swapped for a symlink between check and open.
    const handle = await fs.open(resolved.value, constants.O_RDONLY | constants.O_NOFOLLOW)
    try {
      return ok(await handle.readFile('utf8'))
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return fail({ code: UNREADABLE, message: `Cannot read ${relativePath} (${code})` })
  }
}

/** Project-relative path in `/` form, as shown in problems. */
export function displayPath(...segments: string[]): string {
  return path.posix.join(...segments.filter((segment) => segment !== '').map(toPosix))
}

function toPosix(segment: string): string {
  return segment.split(path.sep).join('/')
}
