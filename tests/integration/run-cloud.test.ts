/**
 * `mpdt run --har` on tests/fixtures/run/cloud: wx.cloud's calls fail as with no cloud
 * environment and, as in the workbench's Network panel, each is a failed entry of the HAR.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHeadless } from '../../electron/services/headless/run-session'
import { CLOUD_ERRORS } from '../../shared/wechat-errors'

const PROJECT = join(import.meta.dirname, '..', 'fixtures', 'run', 'cloud')

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpdt-run-cloud-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('writes each wx.cloud call as a failed HAR entry of type cloud', async () => {
  const harFile = join(dir, 'cloud.har')
  const lines: string[] = []
  const errors: string[] = []
  const exitCode = await runHeadless({
    projectDir: PROJECT,
    harFile,
    timeoutMs: 15_000,
    dataDir: dir,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
  })
  expect([exitCode, errors]).toEqual([0, []])
  expect(lines).toContain('callFunction -601034')
  expect(lines).toContain('get -601034')

  const har = JSON.parse(await readFile(harFile, 'utf8')) as {
    log: { entries: Record<string, unknown>[] }
  }
  const entries = har.log.entries.map((entry) => ({
    api: entry._api,
    url: (entry.request as { url: string }).url,
    method: (entry.request as { method: string }).method,
    error: entry._error,
  }))
  expect(entries).toEqual([
    {
      api: 'cloud',
      url: 'cloud://prod-1/callFunction/add',
      method: 'POST',
      error: `cloud.callFunction:fail ${CLOUD_ERRORS.noEnvironment}`,
    },
    {
      api: 'cloud',
      url: `cloud://prod-1/database.get/${encodeURIComponent('database.collection(todos)')}`,
      method: 'POST',
      error: `cloud.database.get:fail ${CLOUD_ERRORS.noEnvironment}`,
    },
  ])
})
