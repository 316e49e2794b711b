/**
 * The mini-program's files on the real disk: `wxfile://usr/…` maps into `<root>/usr`, temp files
 * `wxfile://tmp_…` into `<root>/tmp`, and project paths (read only) into the mini-program root.
 * Nothing resolves outside those folders: `..` that climbs out, absolute paths, backslashes,
 * NUL bytes and symbolic links that lead out are all refused as `permission denied`, WeChat's
 * word for paths outside the sandbox. Percent signs are ordinary characters (WeChat decodes
 * nothing), so `%2e%2e` is a file name, not a parent.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, realpathSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'

export const USER_PREFIX = 'wxfile://usr'
export const TEMP_PREFIX = 'wxfile://tmp_'

export type Access = 'read' | 'write'

export type Resolved =
  | { ok: true; real: string; area: 'usr' | 'tmp' | 'project' }
  | { ok: false; reason: 'permission' | 'invalid' }

export interface WxFileSpaceOptions {
  /** This project's data folder; `usr` and `tmp` are created inside. */
  root: string
  /** The mini-program root (code package), readable only; absent: project paths are refused. */
  projectRoot?: string
}

export class WxFileSpace {
  readonly userDir: string
  readonly tempDir: string
  private readonly projectRoot: string | undefined

  constructor(options: WxFileSpaceOptions) {
    this.userDir = join(options.root, 'usr')
    this.tempDir = join(options.root, 'tmp')
    mkdirSync(this.userDir, { recursive: true })
    mkdirSync(this.tempDir, { recursive: true })
    this.projectRoot = options.projectRoot
  }

  /** The real path of a mini-program path, if it may be used for `access`. */
  resolve(path: string, access: Access): Resolved {
    if (typeof path !== 'string' || path.includes('\0') || path.includes('\\')) {
      return { ok: false, reason: 'invalid' }
    }
    if (path === USER_PREFIX || path.startsWith(`${USER_PREFIX}/`)) {
      return this.inside(this.userDir, path.slice(USER_PREFIX.length), 'usr')
    }
    if (path.startsWith(TEMP_PREFIX)) {
      if (access === 'write') return { ok: false, reason: 'permission' }
      const name = path.slice('wxfile://'.length)
      if (name.includes('/')) return { ok: false, reason: 'permission' }
      return this.inside(this.tempDir, `/${name}`, 'tmp')
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || !this.projectRoot || access === 'write') {
      return { ok: false, reason: 'permission' }
    }
    return this.inside(this.projectRoot, `/${path.replace(/^\/+/, '')}`, 'project')
  }

  /** A new temp file's real and mini-program paths; `extension` without the dot. */
  newTempFile(extension = ''): { real: string; path: string } {
    const ext = /^[a-z0-9]{1,8}$/i.test(extension) ? `.${extension.toLowerCase()}` : ''
    const name = `tmp_${randomBytes(12).toString('hex')}${ext}`
    return { real: join(this.tempDir, name), path: `wxfile://${name}` }
  }

  /** The mini-program's path for a real path inside the user folder. */
  userPathOf(real: string): string {
    return `${USER_PREFIX}${real.slice(this.userDir.length).split(sep).join('/')}`
  }

  private inside(base: string, rest: string, area: 'usr' | 'tmp' | 'project'): Resolved {
    const segments: string[] = []
    for (const segment of rest.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..') {
        if (segments.length === 0) return { ok: false, reason: 'permission' }
        segments.pop()
      } else segments.push(segment)
    }
    const real = join(base, ...segments)
    if (!this.linksStayInside(base, real)) return { ok: false, reason: 'permission' }
    return { ok: true, real, area }
  }

  /** The nearest existing ancestor (or the path itself) must really lie inside `base`. */
  private linksStayInside(base: string, real: string): boolean {
    const realBase = realpathSync(base)
    let probe = real
    while (!existsSync(probe) && !isDanglingLink(probe)) {
      const parent = dirname(probe)
      if (parent === probe) return false
      probe = parent
    }
    if (isDanglingLink(probe)) return false
    const resolved = realpathSync(probe)
    return resolved === realBase || resolved.startsWith(`${realBase}${sep}`)
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && !existsSync(path)
  } catch {
    return false
  }
}
