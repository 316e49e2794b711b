import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BodyRef } from '../../../../shared/network'

/** Bodies up to this size stay in memory; larger ones are written to the engine's temp dir. */
export const MEMORY_BODY_LIMIT = 1024 * 1024

/**
 * Where finished bodies live for the Network panel and HAR: small ones by reference in memory,
 * large ones in one file each under `tempDir`, kept until the engine closes.
 */
export class BodyStore {
  private readonly files = new Set<string>()

  /** `tempDir` is read per body, so an engine update applies to the next one. */
  constructor(
    private readonly tempDir: () => string,
    private readonly prefix: string,
  ) {}

  async keep(id: string, body: Uint8Array): Promise<BodyRef> {
    if (body.byteLength <= MEMORY_BODY_LIMIT) {
      return { kind: 'memory', size: body.byteLength, data: body }
    }
    const path = join(this.tempDir(), `${this.prefix}-${id}.body`)
    try {
      await writeFile(path, body)
    } catch {
      // A full or missing temp dir must not fail the request: keep the reference instead.
      return { kind: 'memory', size: body.byteLength, data: body }
    }
    this.files.add(path)
    return { kind: 'file', path, size: body.byteLength }
  }

  async clear(): Promise<void> {
    const paths = [...this.files]
    this.files.clear()
    await Promise.all(paths.map((path) => rm(path, { force: true })))
  }
}
