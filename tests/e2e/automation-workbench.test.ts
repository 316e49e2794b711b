/**
 * The real miniprogram-automator client against `mpdt auto --web`: the project in the workbench
 * (browser mode) shown by Debian's Chromium, driven by the same automator script as headless
 * (tests/helpers/automator-specs.ts), plus what only a screen answers: computed styles, offsets,
 * the page size and the phone's screenshot.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { automatorSpecs, launchTodo } from '../helpers/automator-specs'
import { E2E_TEST_TIMEOUT_MS, REPO_ROOT, requireChromium } from './harness'

describe('mpdt auto --web, driven by miniprogram-automator', () => {
  let dir: string
  let miniProgram: MiniProgram

  beforeAll(async () => {
    requireChromium()
    dir = await mkdtemp(join(tmpdir(), 'mpdt-auto-web-'))
    miniProgram = await launchTodo(dir, { web: true, timeout: E2E_TEST_TIMEOUT_MS })
  }, E2E_TEST_TIMEOUT_MS + 30_000)

  afterAll(async () => {
    await miniProgram?.close()
    await rm(dir, { recursive: true, force: true })
  }, 30_000)

  automatorSpecs(() => miniProgram)

  it('answers computed styles, offsets and the page size from the screen', async () => {
    const page = await miniProgram.currentPage()
    const count = await page?.$('#count')
    expect(await count?.style('color')).toBe('rgb(255, 0, 0)')
    const offset = (await count?.offset()) as { left: number; top: number }
    expect(offset.left).toBeGreaterThan(0)
    const add = (await (await page?.$('#add'))?.offset()) as { left: number; top: number }
    expect(add.top).toBeGreaterThan(offset.top)
    expect((await page?.size())?.width).toBe(390)
  })

  it('takes a screenshot of the phone as PNG', async () => {
    const path = join(dir, 'phone.png')
    await miniProgram.screenshot({ path })
    const base64 = (await miniProgram.screenshot()) as unknown as string
    const png = Buffer.from(base64, 'base64')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // The phone at the device's width (390 CSS px at scale 1).
    expect(png.readUInt32BE(16)).toBe(390)
    await writeFile(join(REPO_ROOT, 'test-results', 'automation-phone.png'), png).catch(() => {})
  })
})
