/**
 * `mpdt run` on the embedded demo, as a newcomer or CI runs it: with urlCheck on, the demo's API
 * server is started on loopback for the run (host mapping + its own CA, trusted for the demo only),
 * so one request passes over real HTTPS and the origin outside the list is blocked.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMpdt } from './mpdt-process'

let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpdt-run-demo-'))
})
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('mpdt run on the embedded demo', () => {
  it('passes with urlCheck on: the listed origin answers over HTTPS, the other is blocked', async () => {
    const run = await runMpdt(['run', 'resources/demo', '--timeout', '30'], {
      MPDT_DATA_DIR: dataDir,
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.lines).toContainEqual(expect.stringMatching(/^GET 带参数: 200 /))
    expect(run.lines).toContainEqual(
      expect.stringContaining(
        'referer=https://servicewechat.com/wxd0e0d0e0d0e0d0e0/devtools/page-frame.html',
      ),
    )
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        /^\[error\]\s+https:\/\/other\.demo\.mpdevtools\.test 不在以下 request/,
      ),
    )
    expect(run.lines).toContain('不在合法域名列表里: request:fail url not in domain list')
    // The demo CA is made once per machine, in the data folder, and nowhere else.
    expect(await readdir(join(dataDir, 'demo-ca'))).not.toEqual([])
  })
})
