import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classicFramePage, FRAME_SCRIPT, FRAME_STYLES } from './vite-simulator-frame'

describe('the simulator frame page as built', () => {
  it('loads one classic script and one stylesheet, no module (no CORS from Origin: null)', async () => {
    const page = classicFramePage(await readFile(resolve('renderer/simulator.html'), 'utf8'))
    expect(page).toContain(`<script src="./${FRAME_SCRIPT}"></script>`)
    expect(page).toContain(`<link rel="stylesheet" href="./${FRAME_STYLES}" />`)
    expect(page).not.toMatch(/type="module"|crossorigin/)
  })

  it('keeps the frame’s own CSP, the only one that allows eval', async () => {
    const page = classicFramePage(await readFile(resolve('renderer/simulator.html'), 'utf8'))
    expect(page).toMatch(
      /http-equiv="Content-Security-Policy"[\s\S]*script-src 'self' 'unsafe-eval'/,
    )
  })

  it('refuses a page without a module script to replace', () => {
    expect(() => classicFramePage('<html><head></head><body></body></html>')).toThrow(
      /no module script/,
    )
  })
})
