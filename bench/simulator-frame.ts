/// <reference lib="dom" />
/** What both simulator benchmarks need of the workbench page: its frame, its first paint, a table row. */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BrowserContext, Frame, Page } from 'playwright-core'

/** A generated project's config, app.json (these pages, this title) and an empty `App`. */
export async function writeApp(root: string, name: string, pages: string[]): Promise<void> {
  await write(
    root,
    'project.config.json',
    JSON.stringify({ appid: 'touristappid', projectname: name, setting: { urlCheck: false } }),
  )
  await write(root, 'app.json', JSON.stringify({ pages, window: { navigationBarTitleText: name } }))
  await write(root, 'app.js', 'App({})')
}

/** Writes one file of a generated project. */
export async function write(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

/** The value below which 95 % of `values` lie. */
export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0
}

export function simulatorFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/simulator.html'))
  if (!frame) throw new Error('no simulator frame')
  return frame
}

/**
 * Makes every page of `context` note when the workbench hears `wx-bridge:painted`, and (as epoch
 * ms, for `compileStages`) when it hears `wx-bridge:ready` and when a frame receives its boot.
 */
export async function notePainted(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const notes = window as unknown as Record<string, number | undefined>
    window.addEventListener('message', (event) => {
      const type = (event.data as { type?: unknown } | null)?.type
      if (type === 'wx-bridge:painted') notes.__painted = performance.now()
      if (type === 'wx-bridge:ready') notes.__readyAt = performance.timeOrigin + performance.now()
      if (type === 'wx-host:boot') notes.__bootAt = performance.timeOrigin + performance.now()
    })
    if (window.top !== window) return
    new MutationObserver((records) => {
      const added = records.some((record) =>
        Array.from(record.addedNodes).some(
          (node) => node.nodeName === 'IFRAME' || (node as Element).querySelector?.('iframe'),
        ),
      )
      if (added) notes.__frameAddedAt = performance.timeOrigin + performance.now()
    }).observe(document, { childList: true, subtree: true })
  })
}

/**
 * Where the last Compile → painted went, ms: the project read again by the main process and a new
 * iframe made (click → the later of the iframe's insertion and its document's start), its HTML and scripts loaded (→ `wx-bridge:ready`), the bundle asked of
 * the main process (→ the boot message in the frame), the runtime launched and the page rendered
 * (→ `wx-bridge:painted`).
 */
export async function compileStages(page: Page, clickAt: number): Promise<number[]> {
  const frame = simulatorFrame(page)
  const [origin, bootAt] = await frame.evaluate(() => [
    performance.timeOrigin,
    (window as unknown as { __bootAt: number }).__bootAt,
  ])
  const [readyAt, paintedAt, topOrigin, addedAt] = await page.evaluate(() => {
    const notes = window as unknown as {
      __readyAt: number
      __painted: number
      __frameAddedAt: number
    }
    return [
      notes.__readyAt,
      notes.__painted + performance.timeOrigin,
      performance.timeOrigin,
      notes.__frameAddedAt,
    ]
  })
  const click = topOrigin + clickAt
  return [Math.max(addedAt, origin) - click, readyAt - origin, bootAt - readyAt, paintedAt - bootAt]
}

/** Resolves to the `performance.now()` at which the workbench heard `wx-bridge:painted`. */
export async function paintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __painted?: number }).__painted,
    undefined,
    { timeout: 60_000, polling: 5 },
  )
  return (await handle.jsonValue()) as number
}

/** Clicks 编译; resolves to the click's and the new frame's first paint's `performance.now()`. */
export async function compileToPaint(page: Page): Promise<{ start: number; ms: number }> {
  const start = await page.evaluate(() => {
    ;(window as unknown as { __painted?: number }).__painted = undefined
    return performance.now()
  })
  await page.getByRole('button', { name: '编译' }).click()
  return { start, ms: (await paintedAt(page)) - start }
}

export function row(label: string, ms: number, target?: number): string {
  const verdict =
    target === undefined ? '' : `  target ${target} ms: ${ms <= target ? 'met' : 'MISSED'}`
  return `${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms${verdict}`
}
