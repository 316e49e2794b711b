// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import {
  canvasNodeOf,
  mediaElementOf,
  queryContextOf,
  queryNodeOf,
  videoContextOf,
  type VideoContext,
} from '../../../renderer/src/simulator/frame/builtins'
import { clampMovable } from '../../../renderer/src/simulator/frame/builtins/movable'
import { PLACEHOLDER_MESSAGES } from '../../../renderer/src/simulator/frame/builtins/placeholders'
import * as glassEasel from 'glass-easel'
import type { GeneralComponent } from 'glass-easel'
import { doc, mountPage, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

type Detail = Record<string, unknown>

describe('movable-view', () => {
  it('stays inside its area, or is pinned at 0 when bigger than it', () => {
    expect(clampMovable(-5, 90)).toBe(0)
    expect(clampMovable(120, 90)).toBe(90)
    expect(clampMovable(40, 90)).toBe(40)
    expect(clampMovable(40, -10)).toBe(0)
  })

  it('is dragged along its direction and fires bindchange with source touch', async () => {
    const changes: Detail[] = []
    mounted = await mountPage({
      wxml: '<movable-area id="area"><movable-view id="v" direction="horizontal" bindchange="onChange" /></movable-area>',
      page: { onChange: (e: { detail: Detail }) => void changes.push(e.detail) },
    })
    const area = mounted.byId('area')
    const view = mounted.byId('v')
    // happy-dom has no layout: the sizes a browser would lay out.
    Object.defineProperty(area, 'clientWidth', { value: 200 })
    Object.defineProperty(area, 'clientHeight', { value: 100 })
    Object.defineProperty(view, 'offsetWidth', { value: 50 })
    Object.defineProperty(view, 'offsetHeight', { value: 50 })
    const mouse = (target: EventTarget, type: string, clientX: number, clientY: number) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX, clientY }))
    mouse(view, 'mousedown', 10, 10)
    mouse(doc, 'mousemove', 40, 60)
    mouse(doc, 'mousemove', 400, 60)
    mouse(doc, 'mouseup', 400, 60)
    mouse(doc, 'mousemove', 10, 10)
    expect(changes).toEqual([
      { x: 30, y: 0, source: 'touch' },
      { x: 150, y: 0, source: 'touch' },
    ])
    expect(view.style.transform).toContain('translateX(150px)')
  })

  it('moves to x and y from data with an empty source; direction none does not drag', async () => {
    const changes: Detail[] = []
    mounted = await mountPage({
      wxml: '<movable-view id="v" x="{{x}}" y="{{y}}" bindchange="onChange" />',
      page: {
        data: { x: 0, y: 0 },
        onChange: (e: { detail: Detail }) => void changes.push(e.detail),
      },
    })
    mounted.page.setData({ x: 20, y: 30 })
    const view = mounted.byId('v')
    view.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, clientX: 0, clientY: 0 }))
    doc.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 50, clientY: 50 }))
    doc.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    expect(changes).toEqual([{ x: 20, y: 30, source: '' }])
  })
})

describe('canvas, video and the placeholders', () => {
  it('a canvas host is the browser canvas, given to SelectorQuery.node() as the Canvas', async () => {
    mounted = await mountPage({ wxml: '<canvas id="c" type="2d" />' })
    const element = mounted.byId('c')
    expect(element.tagName).toBe('CANVAS')
    const node = canvasNodeOf(mounted.node('c') as unknown as GeneralComponent)
    expect(node).toBe(element)
    expect(typeof node?.createImage).toBe('function')
    expect(canvasNodeOf(mounted.page as unknown as GeneralComponent)).toBeUndefined()
  })

  it('a video draws the browser video with its source, controls and loop', async () => {
    mounted = await mountPage({
      wxml: '<video id="v" class="clip" src="https://media.example.test/a.mp4" loop />',
    })
    const media = mediaElementOf(mounted.node('v') as unknown as GeneralComponent)
    expect(media?.tagName).toBe('VIDEO')
    expect(media?.getAttribute('src')).toBe('https://media.example.test/a.mp4')
    expect(media?.controls).toBe(true)
    expect(media?.loop).toBe(true)
    expect(media?.parentElement?.className).toBe('wx-video clip')
  })

  it("SelectorQuery's context() of a video is a VideoContext driving its video element", async () => {
    mounted = await mountPage({ wxml: '<video id="v" /><audio id="a" /><view id="plain" />' })
    const video = mounted.node('v') as unknown as GeneralComponent
    const media = mediaElementOf(video)!
    const context = queryContextOf(video) as VideoContext
    expect(context).toBe(videoContextOf(video))
    context.seek(3)
    expect(media.currentTime).toBe(3)
    context.playbackRate(1.5)
    expect(media.playbackRate).toBe(1.5)
    context.stop()
    expect([media.paused, media.currentTime]).toEqual([true, 0])
    expect(queryContextOf(mounted.node('a'))).toBeNull()
    expect(queryContextOf(mounted.node('plain'))).toBeNull()
    expect(queryNodeOf(mounted.node('plain'))).toBeNull()
  })

  it('camera, live-player, live-pusher and ad say the simulator does not run them', async () => {
    mounted = await mountPage({
      wxml: '<camera id="a" /><live-player id="b" /><live-pusher id="c" /><ad id="d" unit-id="x" />',
    })
    for (const [id, tag] of [
      ['a', 'camera'],
      ['b', 'live-player'],
      ['c', 'live-pusher'],
      ['d', 'ad'],
    ]) {
      const box = doc.getElementById(mounted.node(id).id) ?? doc.querySelector(`wx-${tag}`)
      expect(box?.tagName.toLowerCase()).toBe(`wx-${tag}`)
      expect(box?.getAttribute('role')).toBe('note')
      expect(box?.getAttribute('aria-label')).toBe(PLACEHOLDER_MESSAGES[tag])
    }
  })
})

describe("WeChat's attributes of the built-ins", () => {
  it('are taken without an "is not a valid property" warning', async () => {
    const warnings: string[] = []
    const listener = (message: string) => {
      warnings.push(message)
      return false
    }
    glassEasel.addGlobalWarningListener(listener)
    try {
      mounted = await mountPage({
        wxml: `<scroll-view type="list" scroll-y enhanced bounces="{{false}}" />
<movable-area><movable-view scale scale-min="0.5" scale-max="4" scale-value="2" /></movable-area>
<navigator target="miniProgram" app-id="wx123" path="p" extra-data="{{ {a: 1} }}" version="trial" />
<button open-type="contact" lang="zh_CN" session-from="s" send-message-title="t" show-message-card />
<input placeholder-class="ph" />
<video src="a.mp4" danmu-list="{{[]}}" enable-danmu danmu-btn show-casting-button show-mute-btn
  show-screen-lock-button show-center-play-btn picture-in-picture-mode="{{['push']}}" enable-auto-rotation />
<camera mode="scanCode" device-position="front" flash="off" resolution="high" frame-size="small" />
<live-pusher url="rtmp://x" mode="RTC" autopush /><live-player src="rtmp://x" mode="live" autoplay />
<ad unit-id="u" ad-type="video" ad-theme="white" />`,
      })
    } finally {
      glassEasel.removeGlobalWarningListener(listener)
    }
    expect(warnings).toEqual([])
  })

  it('movable-view with scale shows scale-value, kept within scale-min and scale-max', async () => {
    mounted = await mountPage({
      wxml: '<movable-view id="v" scale scale-max="4" scale-value="{{s}}" />',
      page: { data: { s: 2 } },
    })
    const view = mounted.byId('v')
    expect(view.style.transform).toContain('scale(2)')
    mounted.page.setData({ s: 9 })
    expect(view.style.transform).toContain('scale(4)')
  })
})
