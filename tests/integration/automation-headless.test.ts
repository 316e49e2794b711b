/**
 * The real miniprogram-automator client against `mpdt auto`, headless: `automator.launch` starts
 * the command as it starts WeChat's tool (`cli auto --project DIR --auto-port N`), then the
 * shared automator script runs (tests/helpers/automator-specs.ts).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { automatorSpecs, TODO_FIXTURE } from '../helpers/automator-specs'
import { REPO_ROOT, runMpdt } from './mpdt-process'

const BUILD_MS = 420_000

/** A port nobody listens on now (automator.launch wants a number, not 0). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('mpdt auto headless, driven by miniprogram-automator', () => {
  let dir: string
  let miniProgram: MiniProgram

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-auto-'))
    await runMpdt(['--version'], {}, BUILD_MS)
    // What a team points cliPath at: an executable that runs mpdt (here, this checkout's).
    const cliPath = join(dir, 'mpdt')
    await writeFile(
      cliPath,
      `#!/bin/sh\nexec "${process.execPath}" "${join(REPO_ROOT, 'bin/mpdt.js')}" "$@"\n`,
    )
    await chmod(cliPath, 0o755)
    miniProgram = await automator.launch({
      cliPath,
      projectPath: join(REPO_ROOT, TODO_FIXTURE),
      port: await freePort(),
    })
  }, BUILD_MS + 60_000)

  afterAll(async () => {
    await miniProgram?.close()
    await rm(dir, { recursive: true, force: true })
  }, 20_000)

  automatorSpecs(() => miniProgram)

  it('answers styles and offsets with an error that says headless has no screen', async () => {
    const count = await (await miniProgram.currentPage())?.$('#count')
    await expect(count?.style('color')).rejects.toThrow(/headless mode has no layout/)
    await expect(count?.offset()).rejects.toThrow(/Element\.getOffset needs a rendered screen/)
    await expect(miniProgram.screenshot()).rejects.toThrow(/App\.captureScreenshot/)
  })
})
