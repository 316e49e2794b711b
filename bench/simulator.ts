/// <reference lib="dom" />
/**
 * `npm run bench:simulator`: the simulator in headless Chromium against browser mode (the real
 * `mpdt open --web`, as the end-to-end tests run it), over a generated 10-page project:
 * - first paint: from the Compile click (a fresh frame, a fresh bundle from the main process) to
 *   the frame's `wx-bridge:painted`, and once cold, from opening the workbench page;
 * - re-render: `setData` of a 1,000-item list (first fill, then every item changed), timed inside
 *   the page around the synchronous setData, against a baseline in the same frame and run: the
 *   same 1,000 rows made with bare DOM calls.
 * Prints medians against the targets (300 ms, 50 ms). A benchmark, not a test: it never fails on a
 * slow machine, only on a broken setup. The bundle lives two folders below the repository
 * (.bench-runs/, see bench/run.mjs), where the e2e harness it uses finds the repository root.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { launchChromium, startServer, stopEverything } from '../tests/e2e/harness'
import { heavyPageBench } from './simulator-heavy-page'
import {
  compileToPaint,
  median,
  notePainted,
  paintedAt,
  row,
  simulatorFrame,
  write,
  writeApp,
} from './simulator-frame'

const ROUNDS = 5
const PAGES = 10
const TARGET_FIRST_PAINT_MS = 300
const TARGET_RERENDER_MS = 50

/** Ten pages of ordinary content; the first also has the 1,000-item list and its timings. */
async function createProject(root: string): Promise<void> {
  const pages = Array.from({ length: PAGES }, (_, i) => `pages/p${i}/p${i}`)
  await writeApp(root, 'Bench', pages)
  await write(root, 'app.wxss', '.row { padding: 12rpx 24rpx; border-bottom: 1px solid #eee; }')
  for (let i = 1; i < PAGES; i++) {
    const rows = Array.from(
      { length: 30 },
      (_, n) => `<view class="row">page ${i} row ${n} {{note}}</view>`,
    )
    await write(root, `pages/p${i}/p${i}.wxml`, rows.join('\n'))
    await write(root, `pages/p${i}/p${i}.js`, `Page({ data: { note: 'p${i}' } })`)
  }
  await write(
    root,
    'pages/p0/p0.wxml',
    [
      '<view id="fill" bindtap="fill">fill</view>',
      '<view id="update" bindtap="update">update</view>',
      '<view id="clear" bindtap="clear">clear</view>',
      '<view id="timing">{{timing}}</view>',
      '<view wx:for="{{list}}" wx:key="id" class="row">{{item.name}} · {{item.price}}</view>',
    ].join('\n'),
  )
  await write(
    root,
    'pages/p0/p0.js',
    `
const now = () => performance.now()
Page({
  data: { list: [], timing: '' },
  runs: 0,
  timed(list) {
    const start = now()
    this.setData({ list })
    const ms = now() - start
    // The run number makes every result new text, even when two runs take the same time.
    this.runs += 1
    this.setData({ timing: this.runs + ' ' + ms.toFixed(2) })
  },
  fill() {
    this.timed(Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'item ' + i, price: i })))
  },
  update() {
    this.timed(this.data.list.map((item) => ({ ...item, price: item.price + 1 })))
  },
  clear() {
    this.timed([])
  },
})
`,
  )
}

async function tapAndTime(page: Page, id: string): Promise<number> {
  const frame = await simulatorFrame(page)
  const before = await frame.locator('[id$="--timing"]').innerText()
  await frame.locator(`[id$="--${id}"]`).click()
  const handle = await frame.waitForFunction(
    (previous) => {
      const text = document.querySelector('[id$="--timing"]')?.textContent ?? ''
      return text !== '' && text !== previous ? text : undefined
    },
    before,
    { timeout: 60_000 },
  )
  return Number(String(await handle.jsonValue()).split(' ')[1])
}

/** The baseline: the same 1,000 rows with bare DOM calls in the same frame. */
async function bareDomRows(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    const start = performance.now()
    const host = document.createElement('div')
    for (let i = 0; i < 1000; i++) {
      const row = document.createElement('div')
      row.className = 'row'
      row.textContent = `item ${i} · ${i}`
      host.appendChild(row)
    }
    document.body.appendChild(host)
    const ms = performance.now() - start
    host.remove()
    return ms
  })
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'mpdt-bench-simulator-'))
  try {
    // `-- --heavy` measures the heavy page only.
    if (!process.argv.includes('--heavy')) await tenPageBench(scratch)
    for (const line of await heavyPageBench(scratch)) console.log(line)
    console.log(
      `load average ${loadavg()[0].toFixed(2)} (other work on the machine skews all rows)`,
    )
  } finally {
    await stopEverything()
    await rm(scratch, { recursive: true, force: true })
  }
}

async function tenPageBench(scratch: string): Promise<void> {
  const dir = join(scratch, 'bench')
  await createProject(dir)
  const server = await startServer(dir)
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  await notePainted(context)
  const page = await context.newPage()
  await page.goto(server.url)
  const cold = await paintedAt(page)
  await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
  await paintedAt(page)

  const compiles: number[] = []
  for (let round = 0; round < ROUNDS + 1; round++) {
    const { ms } = await compileToPaint(page)
    if (round > 0) compiles.push(ms)
  }

  const fills: number[] = []
  const updates: number[] = []
  const bare: number[] = []
  for (let round = 0; round < ROUNDS + 1; round++) {
    await tapAndTime(page, 'clear')
    const fill = await tapAndTime(page, 'fill')
    const rows = await (await simulatorFrame(page)).locator('.row').count()
    if (rows < 1000) throw new Error(`the list rendered ${rows} rows, not 1,000`)
    const update = await tapAndTime(page, 'update')
    const dom = await bareDomRows(await simulatorFrame(page))
    if (round === 0) continue
    fills.push(fill)
    updates.push(update)
    bare.push(dom)
  }

  console.log(`simulator bench: ${PAGES}-page project, headless Chromium, median of ${ROUNDS}`)
  console.log(row('cold: workbench page opened → first page painted', cold))
  console.log(
    row(
      'Compile → first page painted (fresh frame and bundle)',
      median(compiles),
      TARGET_FIRST_PAINT_MS,
    ),
  )
  const baseline = median(bare)
  console.log(row('baseline: 1,000 rows with bare DOM calls, same frame', baseline))
  for (const [label, values] of [
    ['setData of a 1,000-item list (filling an empty list)', fills],
    ['setData of a 1,000-item list (every item changed)', updates],
  ] as const) {
    const ms = median(values)
    console.log(`${row(label, ms, TARGET_RERENDER_MS)}  ${(ms / baseline).toFixed(1)}× baseline`)
  }
  await context.close()
  await server.stop()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
