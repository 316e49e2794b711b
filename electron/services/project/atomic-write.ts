/**
 * Replaces a file atomically: the new content goes to a temporary file in the same folder, is
 * flushed to disk, then renamed over the target, so readers see the old file or the new one and a
 * failed write leaves the old file untouched.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'

/** The file-system calls used, replaceable so a test can make one of them fail. */
export interface AtomicWriteFs {
  open: typeof fs.open
  rename: typeof fs.rename
  unlink: typeof fs.unlink
  stat: typeof fs.stat
}

export async function writeFileAtomic(
  file: string,
  content: string,
  fileSystem: AtomicWriteFs = fs,
): Promise<void> {
  const mode = await fileSystem.stat(file).then(
    (stats) => stats.mode & 0o777,
    () => 0o644,
  )
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    const handle = await fileSystem.open(temporary, 'wx', mode)
    try {
      await handle.writeFile(content, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fileSystem.rename(temporary, file)
  } catch (error) {
    await fileSystem.unlink(temporary).catch(() => undefined)
    throw error
  }
}
