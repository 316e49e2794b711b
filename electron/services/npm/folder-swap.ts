/**
 * Replaces a folder as a whole: the new content is written to a hidden staging folder beside it,
 * then the old folder is renamed away, the staging folder renamed into place and the old one
 * removed. Until `commit`, the old folder is never touched; `abandon` removes the staging folder.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

export class FolderSwap {
  private constructor(
    readonly target: string,
    readonly staging: string,
  ) {}

  static async begin(target: string): Promise<FolderSwap> {
    const staging = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.building`,
    )
    await mkdir(staging, { recursive: true })
    return new FolderSwap(target, staging)
  }

  async commit(): Promise<void> {
    const old = this.staging.replace(/\.building$/, '.old')
    const hadOld = await rename(this.target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      },
    )
    try {
      await rename(this.staging, this.target)
    } catch (error) {
      if (hadOld) await rename(old, this.target)
      throw error
    }
    if (hadOld) await rm(old, { recursive: true, force: true })
  }

  abandon(): Promise<void> {
    return rm(this.staging, { recursive: true, force: true })
  }
}
