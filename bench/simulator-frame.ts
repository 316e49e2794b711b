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

/** The running mini-program's frame (not the spare one loading behind it). */
export async function simulatorFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe.simulator-frame').elementHandle())?.contentFrame()
  if (!frame) throw new Error('no simulator frame')
  return frame
}

/**
 * Makes every page of `context` note when the workbench hears `wx-bridge:painted`, and (as epoch
 * ms, for `compileStages`) when a frame is shown as the running one (a new iframe inserted, or the
 * spare one given the class `simulator-frame`), when each frame says `wx-bridge:ready` and when a
 * frame receives its boot.
 */
export async function notePainted(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const notes = window as unknown as Record<string, unknown>
    const now = () => performance.timeOrigin + performance.now()
    const readyBy = new Map<unknown, number>()
    notes.__readyBy = readyBy
    window.addEventListener('message', (event) => {
      const type = (event.data as { type?: unknown } | null)?.type
      if (type === 'wx-bridge:painted') notes.__painted = performance.now()
      if (type === 'wx-bridge:ready') readyBy.set(event.source, now())
      if (type === 'wx-host:boot') notes.__bootAt = now()
    })
    if (window.top !== window) return
    // The click as the page gets it: Playwright's own checks before it (the button found by its
    // role, visible, stable over two frames…) take hundreds of ms on a busy machine.
    window.addEventListener('mousedown', () => (notes.__mousedownAt = performance.now()), true)
    const running = (node: Node) =>
      node.nodeName === 'IFRAME'
        ? (node as Element).classList.contains('simulator-frame')
        : !!(node as Element).querySelector?.('iframe.simulator-frame')
    new MutationObserver((records) => {
      const shown = records.some((record) =>
        record.type === 'attributes'
          ? running(record.target) && record.oldValue !== 'simulator-frame'
          : Array.from(record.addedNodes).some(running),
      )
      if (shown) notes.__frameShownAt = now()
    }).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class'],
      attributeOldValue: true,
    })
  })
}

/**
 * Where the last Compile → painted went, ms: the project read again by the main process and the
 * frame shown (click → the spare frame made the running one, or a new iframe inserted); its HTML
 * and scripts still loading after that (→ its `wx-bridge:ready`, 0 when a spare had loaded
 * them before the click); the bundle asked of the main process (→ the boot message in the
 * frame); the runtime launched and the page rendered (→ `wx-bridge:painted`).
 */
export async function compileStages(page: Page, clickAt: number): Promise<number[]> {
  const frame = await simulatorFrame(page)
  const bootAt = await frame.evaluate(() => (window as unknown as { __bootAt: number }).__bootAt)
  const [readyAt, paintedAt, topOrigin, shownAt] = await page.evaluate(() => {
    const notes = window as unknown as {
      __readyBy: Map<unknown, number>
      __painted: number
      __frameShownAt: number
    }
    const running = document.querySelector('iframe.simulator-frame') as HTMLIFrameElement
    return [
      notes.__readyBy.get(running.contentWindow) ?? NaN,
      notes.__painted + performance.timeOrigin,
      performance.timeOrigin,
      notes.__frameShownAt,
    ]
  })
  const click = topOrigin + clickAt
  const loaded = Math.max(readyAt, shownAt)
  return [shownAt - click, loaded - shownAt, bootAt - loaded, paintedAt - bootAt]
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

/**
 * Clicks 编译 once the spare frame has loaded behind the running one (as it has when a user
 * compiles a few seconds after the last run); resolves to the `performance.now()` at which the
 * page got the click (its mousedown) and the ms from there to the new frame's first paint.
 */
export async function compileToPaint(page: Page): Promise<{ start: number; ms: number }> {
  await page.waitForFunction(
    () => {
      const spare = document.querySelector('iframe.simulator-spare') as HTMLIFrameElement | null
      const readyBy = (window as unknown as { __readyBy: Map<unknown, number> }).__readyBy
      return !!spare && readyBy.has(spare.contentWindow)
    },
    undefined,
    { timeout: 60_000, polling: 20 },
  )
  await page.evaluate(() => {
    const notes = window as unknown as { __painted?: number; __mousedownAt?: number }
    notes.__painted = undefined
    notes.__mousedownAt = undefined
  })
  await page.getByRole('button', { name: '编译' }).click()
  const painted = await paintedAt(page)
  const start = await page.evaluate(
    () => (window as unknown as { __mousedownAt: number }).__mousedownAt,
  )
  return { start, ms: painted - start }
}

export function row(label: string, ms: number, target?: number): string {
  const verdict =
    target === undefined ? '' : `  target ${target} ms: ${ms <= target ? 'met' : 'MISSED'}`
  return `${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms${verdict}`
}
