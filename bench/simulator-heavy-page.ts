/// <reference lib="dom" />
/**
 * The heavy real-world page of `npm run bench:simulator`: a 200-item list whose pictures come from
 * a remote-looking host (`cdn.bench.test`, resolved to a loopback server this bench starts), a
 * `<canvas type="2d">` drawn every frame and a `<movable-view>` whose `bindchange` sets data. It
 * measures, each against the same DOM built by hand in the same frame and run (the page hidden
 * under a blank page meanwhile, so its canvas stops as a real page's does in `onHide`):
 * - scroll: 40 mouse-wheel steps over the list; drag: 50 mouse moves of the movable view;
 * - first paint: Compile click → `wx-bridge:painted`, against building the hand-made DOM up to
 *   its first frame.
 * A frame's cost is the main thread's time from the first input, scroll or animation-frame
 * callback after the previous frame to the end of this frame's rendering (style, layout, paint:
 * a message posted from requestAnimationFrame is handled after them); its p95 over the gesture.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Frame, Page } from 'playwright-core'
import { encodePng } from '../electron/services/demo/png-encoder'
import { launchChromium, startServer } from '../tests/e2e/harness'
import {
  compileStages,
  compileToPaint,
  median,
  notePainted,
  p95,
  paintedAt,
  row,
  simulatorFrame,
  write,
  writeApp,
} from './simulator-frame'

const ROUNDS = 5
const ITEMS = 200
const IMAGE_HOST = 'cdn.bench.test'
const TARGET_FRAME_MS = 16
const TARGET_FIRST_PAINT_MS = 500

/** The page's styles, in px so the hand-made DOM can use the very same rules. */
const STYLES = `
.bar { display: flex; justify-content: space-between; padding: 8px 16px; font-size: 14px; }
.spinner { display: block; width: 300px; height: 150px; }
.area { display: block; width: 100%; height: 180px; background: #f4f4f4; }
.knob { display: block; width: 60px; height: 60px; background: #07c160; border-radius: 8px; }
.item { display: flex; align-items: center; padding: 10px 16px; border-bottom: 1px solid #eee; }
.thumb { display: block; width: 64px; height: 64px; flex: none; margin-right: 12px;
  border-radius: 6px; background: #f2f2f2; }
.title { font-size: 16px; color: #111; }
.desc { margin-top: 4px; font-size: 13px; color: #888; }
`

/** One frame of the spinner, the body of `draw(ctx, t, w, h)` for the page and the baseline. */
const DRAW = `
ctx.clearRect(0, 0, w, h)
ctx.save()
ctx.translate(w / 2, h / 2)
ctx.rotate(t / 400)
for (let i = 0; i < 12; i++) {
  ctx.rotate(Math.PI / 6)
  ctx.fillStyle = 'hsl(' + i * 30 + ', 70%, 50%)'
  ctx.fillRect(20, -4, 40, 8)
}
ctx.restore()
ctx.fillStyle = '#333'
ctx.font = '14px sans-serif'
ctx.fillText(Math.round(t) + ' ms', 8, 20)
`

function imageUrl(origin: string, index: number): string {
  return `${origin}/cdn/item-${index}.png`
}

export async function createHeavyProject(root: string, imageOrigin: string): Promise<void> {
  await writeApp(root, 'Heavy', ['pages/heavy/heavy', 'pages/blank/blank'])
  await write(root, 'pages/heavy/heavy.wxss', STYLES)
  await write(
    root,
    'pages/heavy/heavy.wxml',
    `<view class="bar"><view id="open-blank" bindtap="openBlank">blank</view><view id="where">{{where}}</view></view>
<canvas type="2d" id="spinner" class="spinner"></canvas>
<movable-area class="area"><movable-view id="knob" class="knob" direction="all" bindchange="onMove"></movable-view></movable-area>
<view wx:for="{{items}}" wx:key="id" class="item">
  <image class="thumb" src="{{item.image}}" mode="aspectFill"></image>
  <view><view class="title">{{item.title}}</view><view class="desc">{{item.desc}}</view></view>
</view>`,
  )
  await write(
    root,
    'pages/heavy/heavy.js',
    `
function draw(ctx, t, w, h) {${DRAW}}
Page({
  data: { items: [], where: 'x 0 y 0' },
  onLoad() {
    const items = []
    for (let i = 0; i < ${ITEMS}; i++) {
      items.push({ id: i, image: ${JSON.stringify(imageUrl(imageOrigin, 0))}.replace('item-0', 'item-' + i), title: 'Item ' + i, desc: 'Remote picture ' + i + ' · ¥' + (i * 3 + 9) })
    }
    this.setData({ items })
  },
  onReady() {
    wx.createSelectorQuery().select('#spinner').fields({ node: true, size: true }).exec(([res]) => {
      const canvas = res.node
      canvas.width = res.width * 2
      canvas.height = res.height * 2
      this.ctx = canvas.getContext('2d')
      this.ctx.scale(2, 2)
      this.canvas = canvas
      this.size = res
      this.spin()
    })
  },
  onShow() { this.spin() },
  onHide() { this.spinning = false },
  spin() {
    if (this.spinning || !this.canvas) return
    this.spinning = true
    const frame = (t) => {
      if (!this.spinning) return
      draw(this.ctx, t, this.size.width, this.size.height)
      this.canvas.requestAnimationFrame(frame)
    }
    this.canvas.requestAnimationFrame(frame)
  },
  onMove(e) { this.setData({ where: 'x ' + Math.round(e.detail.x) + ' y ' + Math.round(e.detail.y) }) },
  openBlank() { wx.navigateTo({ url: '/pages/blank/blank' }) },
})
`,
  )
  await write(root, 'pages/blank/blank.wxml', '<view id="back" bindtap="back">back</view>')
  await write(root, 'pages/blank/blank.js', 'Page({ back() { wx.navigateBack() } })')
}

interface ImageServer {
  origin: string
  requests(): number
  close(): Promise<void>
}

/** 200 different 96×96 pictures on 127.0.0.1, answered only under the bench's host name. */
export async function startImageServer(): Promise<ImageServer> {
  const pictures = Array.from({ length: ITEMS }, (_, index) => {
    const rgba = new Uint8Array(96 * 96 * 4)
    for (let p = 0; p < 96 * 96; p++) {
      const stripe = Math.floor((p % 96) / 12) % 2
      rgba.set([(index * 37) % 256, (index * 91 + stripe * 60) % 256, 160, 255], p * 4)
    }
    return encodePng(96, 96, rgba)
  })
  let requests = 0
  let expectedHost = ''
  const server: Server = createServer((req, res) => {
    const match = /^\/cdn\/item-(\d+)\.png$/.exec(req.url ?? '')
    const picture = match ? pictures[Number(match[1])] : undefined
    if (req.headers.host !== expectedHost || !picture) {
      res.writeHead(req.headers.host !== expectedHost ? 403 : 404).end()
      return
    }
    requests++
    res.writeHead(200, {
      'content-type': 'image/png',
      'content-length': picture.length,
      'cache-control': 'max-age=3600',
    })
    res.end(picture)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  expectedHost = `${IMAGE_HOST}:${(server.address() as AddressInfo).port}`
  return {
    origin: `http://${expectedHost}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

interface Recorder {
  begin(): void
  end(): number[]
}

/** Installs (once per frame document) the per-frame cost recorder described at the top. */
async function installRecorder(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const win = window as unknown as { __frameCost?: Recorder }
    if (win.__frameCost) return
    const rec = { on: false, start: null as number | null, costs: [] as number[] }
    const mark = () => {
      if (rec.on && rec.start === null) rec.start = performance.now()
    }
    for (const type of ['wheel', 'mousemove', 'mousedown', 'mouseup', 'scroll']) {
      window.addEventListener(type, mark, { capture: true, passive: true })
    }
    const raf = window.requestAnimationFrame.bind(window)
    window.requestAnimationFrame = (callback) =>
      raf((time) => {
        mark()
        callback(time)
      })
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      if (rec.start !== null) rec.costs.push(performance.now() - rec.start)
      rec.start = null
    }
    const loop = () => {
      if (!rec.on) return
      mark()
      channel.port2.postMessage(null)
      raf(loop)
    }
    win.__frameCost = {
      begin() {
        rec.on = true
        rec.costs = []
        rec.start = null
        raf(loop)
      },
      end() {
        rec.on = false
        return rec.costs
      },
    }
  })
}

async function recording(frame: Frame, gesture: () => Promise<void>): Promise<number[]> {
  await installRecorder(frame)
  await frame.evaluate(() => (window as unknown as { __frameCost: Recorder }).__frameCost.begin())
  await gesture()
  await frame.page().waitForTimeout(300)
  return frame.evaluate(() => (window as unknown as { __frameCost: Recorder }).__frameCost.end())
}

/** Where the gestures act: the page's scrolling body or the hand-made one, and its knob. */
interface Scene {
  scroller: string
  knob: string
}

const PAGE_SCENE: Scene = { scroller: '.mp-page-body >> nth=0', knob: '[id$="--knob"]' }
const HAND_SCENE: Scene = { scroller: '.bench-hand', knob: '.bench-hand .knob' }

async function scrollFrames(page: Page, scene: Scene): Promise<number> {
  const frame = await simulatorFrame(page)
  const scroller = frame.locator(scene.scroller)
  await scroller.evaluate((element) => (element.scrollTop = 0))
  await page.waitForTimeout(200)
  const box = await scroller.boundingBox()
  if (!box) throw new Error(`${scene.scroller} is not on the screen`)
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75)
  const costs = await recording(frame, async () => {
    for (let step = 0; step < 40; step++) {
      await page.mouse.wheel(0, 100)
      await page.waitForTimeout(16)
    }
  })
  const top = await scroller.evaluate((element) => element.scrollTop)
  if (top < 1000) throw new Error(`the wheel scrolled ${scene.scroller} to ${top} px only`)
  return p95(costs)
}

/** Drags the knob 100 px right and 50 down (`direction` 1) or back (-1). */
async function dragFrames(page: Page, scene: Scene, direction: 1 | -1): Promise<number> {
  const frame = await simulatorFrame(page)
  await frame.locator(scene.scroller).evaluate((element) => (element.scrollTop = 0))
  await page.waitForTimeout(200)
  const knob = frame.locator(scene.knob)
  const before = await knob.evaluate((element) => (element as HTMLElement).style.transform)
  const box = await knob.boundingBox()
  if (!box) throw new Error(`${scene.knob} is not on the screen`)
  let x = box.x + box.width / 2
  let y = box.y + box.height / 2
  await page.mouse.move(x, y)
  const costs = await recording(frame, async () => {
    await page.mouse.down()
    for (let step = 0; step < 50; step++) {
      x += 2 * direction
      y += direction
      await page.mouse.move(x, y)
    }
    await page.mouse.up()
  })
  const after = await knob.evaluate((element) => (element as HTMLElement).style.transform)
  if (after === before) throw new Error(`dragging ${scene.knob} left it at "${after}"`)
  return p95(costs)
}

/**
 * Builds the page's DOM by hand over the (blank) page on top: the same rules, pictures, canvas
 * drawn each frame and a knob dragged by mouse whose move updates a text, as the page's
 * `bindchange` does. Resolves to the ms from the start to its first frame (as
 * `wx-bridge:painted` is posted: a task after the next animation frame).
 */
async function buildByHand(frame: Frame, imageOrigin: string): Promise<number> {
  return frame.evaluate(
    ({ styles, draw, items, origin }) => {
      const start = performance.now()
      const doc = document
      const page = doc.querySelector('.mp-page:not([hidden])')?.getBoundingClientRect()
      if (!page) throw new Error('no page on the screen')
      const style = doc.createElement('style')
      style.className = 'bench-hand-style'
      style.textContent = styles.replace(/(^|})\s*\./g, '$1 .bench-hand .')
      doc.head.append(style)
      const root = doc.createElement('div')
      root.className = 'bench-hand'
      root.style.cssText =
        `position: fixed; left: ${page.left}px; top: ${page.top}px; width: ${page.width}px; ` +
        `height: ${page.height}px; overflow-y: auto; background: #fff; z-index: 100000;`
      const element = (tag: string, className: string, text?: string) => {
        const made = doc.createElement(tag)
        made.className = className
        if (text !== undefined) made.textContent = text
        return made
      }
      const bar = element('div', 'bar')
      const where = element('div', 'where', 'x 0 y 0')
      bar.append(element('div', 'open', 'blank'), where)
      const canvas = element('canvas', 'spinner') as HTMLCanvasElement
      const area = element('div', 'area')
      const knob = element('div', 'knob')
      area.append(knob)
      root.append(bar, canvas, area)
      for (let i = 0; i < items; i++) {
        const item = element('div', 'item')
        const thumb = element('div', 'thumb')
        const img = doc.createElement('img')
        img.style.cssText = 'width: 100%; height: 100%; object-fit: cover;'
        img.src = `${origin}/cdn/item-${i}.png`
        thumb.append(img)
        const text = element('div', '')
        text.append(
          element('div', 'title', `Item ${i}`),
          element('div', 'desc', `Remote picture ${i} · ¥${i * 3 + 9}`),
        )
        item.append(thumb, text)
        root.append(item)
      }
      doc.body.append(root)

      const paint = new Function('ctx', 't', 'w', 'h', draw) as (
        ctx: CanvasRenderingContext2D,
        t: number,
        w: number,
        h: number,
      ) => void
      const size = canvas.getBoundingClientRect()
      canvas.width = size.width * 2
      canvas.height = size.height * 2
      const ctx = canvas.getContext('2d')
      if (!ctx) throw new Error('no 2d context')
      ctx.scale(2, 2)
      const spin = (t: number) => {
        if (!root.isConnected) return
        paint(ctx, t, size.width, size.height)
        requestAnimationFrame(spin)
      }
      requestAnimationFrame(spin)

      let drag: { x: number; y: number; left: number; top: number } | undefined
      let left = 0
      let top = 0
      knob.addEventListener('mousedown', (event) => {
        drag = { x: event.clientX, y: event.clientY, left, top }
      })
      doc.addEventListener('mousemove', (event) => {
        if (!drag) return
        left = Math.min(Math.max(drag.left + event.clientX - drag.x, 0), area.clientWidth - 60)
        top = Math.min(Math.max(drag.top + event.clientY - drag.y, 0), area.clientHeight - 60)
        knob.style.transform = `translateX(${left}px) translateY(${top}px) translateZ(0px)`
        where.textContent = `x ${Math.round(left)} y ${Math.round(top)}`
      })
      doc.addEventListener('mouseup', () => (drag = undefined))
      return new Promise<number>((done) =>
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0)),
      )
    },
    { styles: STYLES, draw: DRAW, items: ITEMS, origin: imageOrigin },
  )
}

async function removeHandBuilt(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    document.querySelector('.bench-hand')?.remove()
    document.querySelector('.bench-hand-style')?.remove()
  })
}

interface Round {
  scroll: number
  drag: number
}

/** Runs the heavy page in its own project, server and browser; resolves to the printed lines. */
export async function heavyPageBench(scratch: string): Promise<string[]> {
  const images = await startImageServer()
  try {
    const dir = join(scratch, 'heavy')
    await createHeavyProject(dir, images.origin)
    const server = await startServer(dir)
    const browser = await launchChromium(
      `MAP ${IMAGE_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    )
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    await notePainted(context)
    const page = await context.newPage()
    await page.goto(server.url)
    await paintedAt(page)
    await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    await paintedAt(page)

    const compiles: number[] = []
    const stages: number[][] = []
    for (let round = 0; round < ROUNDS + 1; round++) {
      const { start, ms } = await compileToPaint(page)
      if (round === 0) continue
      compiles.push(ms)
      stages.push(await compileStages(page, start))
    }
    // Every picture loaded before the gestures, as on a page looked at for a moment.
    await (
      await simulatorFrame(page)
    ).waitForFunction(
      (count) =>
        Array.from(document.querySelectorAll('image img')).filter(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ).length >= count,
      ITEMS,
      { timeout: 60_000 },
    )

    const pages: Round[] = []
    const hands: Round[] = []
    const handPaints: number[] = []
    for (let round = 0; round < ROUNDS + 1; round++) {
      const frame = await simulatorFrame(page)
      const pageRound = { scroll: await scrollFrames(page, PAGE_SCENE), drag: 0 }
      // The page keeps the knob where it was left: there and back again, round after round.
      pageRound.drag = await dragFrames(page, PAGE_SCENE, round % 2 === 0 ? 1 : -1)
      await frame.locator('[id$="--open-blank"]').click()
      await frame.locator('[id$="--back"]').waitFor()
      await page.waitForTimeout(300)
      const handPaint = await buildByHand(frame, images.origin)
      await page.waitForTimeout(300)
      const handRound = { scroll: await scrollFrames(page, HAND_SCENE), drag: 0 }
      handRound.drag = await dragFrames(page, HAND_SCENE, 1)
      await removeHandBuilt(frame)
      await frame.locator('[id$="--back"]').click()
      await frame.locator('[id$="--back"]').waitFor({ state: 'detached' })
      await page.waitForTimeout(300)
      if (round === 0) continue
      pages.push(pageRound)
      hands.push(handRound)
      handPaints.push(handPaint)
    }
    await context.close()
    await server.stop()

    const ratio = (ours: number[], theirs: number[]) =>
      median(ours.map((value, index) => value / Math.max(theirs[index], 0.1)))
    const lines = [
      `heavy page: ${ITEMS} items with pictures from ${IMAGE_HOST} (loopback, ${images.requests()} requests), a canvas drawn each frame, a dragged movable-view; median of ${ROUNDS} rounds`,
      row('baseline: the same DOM by hand, start → first frame', median(handPaints)),
      `${row('Compile → heavy page painted', median(compiles), TARGET_FIRST_PAINT_MS)}  ${(median(compiles) / median(handPaints)).toFixed(1)}× baseline`,
    ]
    const stage = (index: number) => median(stages.map((times) => times[index])).toFixed(0)
    lines.push(
      `  of which: project read again and the frame shown ${stage(0)} ms, its HTML and scripts still loading ${stage(1)} ms, the bundle ${stage(2)} ms, runtime and render ${stage(3)} ms`,
    )
    for (const [label, key] of [
      ['scroll', 'scroll'],
      ['drag', 'drag'],
    ] as const) {
      const ours = pages.map((round) => round[key])
      const theirs = hands.map((round) => round[key])
      lines.push(row(`baseline: ${label} frame p95, the same DOM by hand`, median(theirs)))
      lines.push(
        `${row(`${label} frame p95, the page`, median(ours), TARGET_FRAME_MS)}  ${ratio(ours, theirs).toFixed(2)}× baseline`,
      )
    }
    return lines
  } finally {
    await images.close()
  }
}
