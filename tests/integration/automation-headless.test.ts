/**
 * The real miniprogram-automator client against `mpdt auto`, headless: `automator.launch` starts
 * the command as it starts WeChat's tool (`cli auto --project DIR --auto-port N`), then the
 * shared automator script runs (tests/helpers/automator-specs.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const wx: any

import { automatorSpecs, launchTodo, TODO_FIXTURE } from '../helpers/automator-specs'
import { REPO_ROOT, runMpdt } from './mpdt-process'

const BUILD_MS = 420_000

describe('mpdt auto headless, driven by miniprogram-automator', () => {
  let dir: string
  let miniProgram: MiniProgram

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-auto-'))
    await runMpdt(['--version'], {}, BUILD_MS)
    miniProgram = await launchTodo(dir)
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

describe('mpdt auto DIR --auto-port 0, reached with automator.connect', () => {
  let child: ChildProcess
  let miniProgram: MiniProgram
  let port: number

  beforeAll(async () => {
    await runMpdt(['--version'], {}, BUILD_MS)
    child = spawn(
      process.execPath,
      ['bin/mpdt.js', 'auto', TODO_FIXTURE, '--auto-port', '0', '--no-url-check'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    port = await new Promise<number>((resolve, reject) => {
      let stderr = ''
      const timer = setTimeout(() => reject(new Error(`no port announced: ${stderr}`)), 60_000)
      child.stderr?.setEncoding('utf8').on('data', (text: string) => {
        stderr += text
        const announced = /automation on ws:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)
        if (announced) {
          clearTimeout(timer)
          resolve(Number(announced[1]))
        }
      })
    })
    miniProgram = await automator.connect({ wsEndpoint: `ws://127.0.0.1:${port}` })
  }, BUILD_MS + 60_000)

  afterAll(() => {
    // The last spec closes the session; this only cleans up after a failure before it.
    if (child.exitCode === null) child.kill('SIGTERM')
  })

  it("keeps the mini-program's own sockets out of the automation channel (checks off)", async () => {
    const outcome = await miniProgram.evaluate(function (automationPort: number) {
      return new Promise((resolve) => {
        const task = wx.connectSocket({ url: `ws://127.0.0.1:${automationPort}` })
        task.onOpen(() => resolve('opened'))
        task.onError((error: { errMsg: string }) => resolve(`refused: ${error.errMsg}`))
      })
    }, port)
    expect(outcome).toMatch(/^refused: .*403/)
  })

  it('ends with exit code 0 when the client closes it', async () => {
    const code = new Promise((resolve) => child.once('exit', resolve))
    await miniProgram.close()
    expect(await code).toBe(0)
  }, 20_000)
})
