/** Writes a HAR file atomically: a reader sees the old file or the whole new one, never half. */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'
import type { Har } from './har-types'

export async function writeHar(path: string, har: Har): Promise<Result<void>> {
  // Same folder as the target, so the rename cannot cross file systems.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const file = await open(temp, 'wx')
    try {
      await file.writeFile(`${JSON.stringify(har, null, 2)}\n`)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temp, path)
    return ok(undefined)
  } catch (error) {
    await rm(temp, { force: true })
    return fail({
      code: 'HAR_WRITE_FAILED',
      message: `cannot write ${path}: ${(error as Error).message}`,
      file: path,
    })
  }
}
