import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Har } from './har-types'
import { writeHar } from './write-har'

const HAR: Har = {
  log: { version: '1.2', creator: { name: 'MP DevTools', version: '0' }, entries: [] },
}

describe('writeHar', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-har-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes the HAR as JSON, replacing an older file', async () => {
    const path = join(dir, 'run.har')
    await writeFile(path, 'old')
    expect((await writeHar(path, HAR)).ok).toBe(true)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(HAR)
  })

  it('leaves no temporary file behind', async () => {
    await writeHar(join(dir, 'run.har'), HAR)
    expect(await readdir(dir)).toEqual(['run.har'])
  })

  it('answers an error result for a folder that does not exist', async () => {
    const result = await writeHar(join(dir, 'missing', 'run.har'), HAR)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('HAR_WRITE_FAILED')
  })
})
