/**
 * The context APIs of built-in components that are found by id: `wx.createVideoContext(id,
 * component?)`, `wx.createMapContext(mapId, component?)` (`map-context.ts`), the legacy
 * `wx.createCanvasContext(canvasId, component?)` with its recorded drawing and `draw()`, and
 * `wx.canvasToTempFilePath`. They look in the scope component's tree (the top page without one)
 * when used, as WeChat binds them by id, and act on the objects the screen gives for the built-in
 * (`LayoutHost.contextOf`/`nodeOf`: the `<video>`'s VideoContext, the `<map>`'s MapContext, the
 * `<canvas>` element). `canvasToTempFilePath` writes a PNG or JPEG into the temp files
 * (`NativePort.saveTempFiles`, where `wx.chooseImage` keeps its picks) and answers its
 * `wxfile://tmp_…` path. Headless (`mpdt run`) there is no element: calls do nothing, map
 * methods and `canvasToTempFilePath` fail.
 */
import * as glassEasel from 'glass-easel'
import { apiFailure } from './api-result'
import type { LaterInvoker } from './async-api'
import { componentOf, type LayoutHost } from './layout-host'
import { createMapContext, mapControlOf, type MapContextHost } from './map-context'
import type { SaveTempFiles } from './file-port'

type Method = (...args: unknown[]) => unknown

/** The VideoContext methods WeChat documents; the ones the simulator cannot do do nothing. */
const VIDEO_METHODS = [
  'play',
  'pause',
  'stop',
  'seek',
  'playbackRate',
  'requestFullScreen',
  'exitFullScreen',
  'sendDanmu',
  'showStatusBar',
  'hideStatusBar',
  'requestPictureInPicture',
  'exitPictureInPicture',
] as const

/** The 2D context and size of a `<canvas>` element, as the screen gives it. */
interface CanvasElement {
  width: number
  height: number
  clientWidth?: number
  clientHeight?: number
  getContext(type: '2d'): CanvasRenderingContext2D | null
  toDataURL(type?: string, quality?: number): string
  ownerDocument?: {
    defaultView?: {
      devicePixelRatio?: number
      requestAnimationFrame?(callback: () => void): number
    } | null
  }
}

/** Frames a draw waits for its canvas to be laid out (a page drawing in onReady, not shown yet). */
const LAYOUT_FRAMES = 10

/** One recorded call (or property set) of a legacy CanvasContext, replayed by `draw()`. */
type Step = (context: CanvasRenderingContext2D) => void

/** Legacy setters: `setFillStyle(x)` is `fillStyle = x`. */
const SETTERS: Record<string, string> = {
  setFillStyle: 'fillStyle',
  setStrokeStyle: 'strokeStyle',
  setLineWidth: 'lineWidth',
  setLineCap: 'lineCap',
  setLineJoin: 'lineJoin',
  setMiterLimit: 'miterLimit',
  setGlobalAlpha: 'globalAlpha',
  setTextAlign: 'textAlign',
  setTextBaseline: 'textBaseline',
}

/** Drawing calls replayed as they are named on CanvasRenderingContext2D. */
const DRAWING = [
  'fillRect',
  'strokeRect',
  'clearRect',
  'beginPath',
  'closePath',
  'moveTo',
  'lineTo',
  'arc',
  'arcTo',
  'quadraticCurveTo',
  'bezierCurveTo',
  'rect',
  'fill',
  'stroke',
  'clip',
  'fillText',
  'strokeText',
  'save',
  'restore',
  'translate',
  'rotate',
  'scale',
  'setTransform',
  'transform',
  'setLineDash',
] as const

/** Properties that may also be assigned (`ctx.fillStyle = 'red'`, base library 1.9.90+). */
const PROPERTIES = [
  'fillStyle',
  'strokeStyle',
  'lineWidth',
  'lineCap',
  'lineJoin',
  'miterLimit',
  'globalAlpha',
  'globalCompositeOperation',
  'textAlign',
  'textBaseline',
  'font',
  'shadowOffsetX',
  'shadowOffsetY',
  'shadowBlur',
  'shadowColor',
  'lineDashOffset',
] as const

/** A gradient recorded before there is a canvas: made on the real context when drawn. */
class RecordedGradient {
  private readonly stops: [number, string][] = []
  constructor(private readonly make: (context: CanvasRenderingContext2D) => CanvasGradient) {}
  addColorStop(offset: number, color: string): void {
    this.stops.push([offset, color])
  }
  on(context: CanvasRenderingContext2D): CanvasGradient {
    const gradient = this.make(context)
    for (const [offset, color] of this.stops) gradient.addColorStop(offset, color)
    return gradient
  }
}

const real = (value: unknown, context: CanvasRenderingContext2D): unknown =>
  value instanceof RecordedGradient ? value.on(context) : value

export class LegacyCanvasContext {
  private steps: Step[] = []
  private readonly values: Record<string, unknown> = {}

  constructor(private readonly canvas: () => CanvasElement | undefined) {
    for (const [setter, property] of Object.entries(SETTERS)) {
      ;(this as unknown as Record<string, Method>)[setter] = (value: unknown) => {
        this.assign(property, value)
      }
    }
    for (const name of DRAWING) {
      ;(this as unknown as Record<string, Method>)[name] = (...args: unknown[]) => {
        this.steps.push((context) => (context[name] as Method).apply(context, args))
      }
    }
    for (const property of PROPERTIES) {
      Object.defineProperty(this, property, {
        get: () => this.values[property],
        set: (value: unknown) => this.assign(property, value),
        enumerable: true,
      })
    }
  }

  private assign(property: string, value: unknown): void {
    this.values[property] = value
    this.steps.push((context) => {
      ;(context as unknown as Record<string, unknown>)[property] = real(value, context)
    })
  }

  setFontSize(size: number): void {
    this.assign('font', `${Number(size)}px sans-serif`)
  }

  setShadow(offsetX: number, offsetY: number, blur: number, color: string): void {
    this.assign('shadowOffsetX', offsetX)
    this.assign('shadowOffsetY', offsetY)
    this.assign('shadowBlur', blur)
    this.assign('shadowColor', color)
  }

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): RecordedGradient {
    return new RecordedGradient((context) => context.createLinearGradient(x0, y0, x1, y1))
  }

  createCircularGradient(x: number, y: number, r: number): RecordedGradient {
    return new RecordedGradient((context) => context.createRadialGradient(x, y, 0, x, y, r))
  }

  /** `drawImage(image, …)`: `image` is a picture's URL (remote, data: or blob:) or a loaded image. */
  drawImage(image: unknown, ...rest: number[]): void {
    this.steps.push((context) => {
      const source =
        typeof image === 'string'
          ? loadedImages.get(image)
          : (image as CanvasImageSource | undefined)
      if (source) (context.drawImage as Method).call(context, source, ...rest)
    })
    if (typeof image === 'string') this.preload(image)
  }

  measureText(text: string): { width: number } {
    const context = this.canvas()?.getContext('2d')
    if (!context) return { width: 0 }
    context.save()
    if (typeof this.values.font === 'string') context.font = this.values.font
    const width = context.measureText(String(text)).width
    context.restore()
    return { width }
  }

  /**
   * Draws what was recorded since the last `draw()` onto the canvas (cleared first unless
   * `reserve`), in the canvas's CSS px, then calls `callback`.
   */
  draw(reserve?: boolean | (() => void), callback?: () => void): void {
    const done = typeof reserve === 'function' ? reserve : callback
    const keep = typeof reserve === 'boolean' ? reserve : false
    const steps = this.steps
    this.steps = []
    const paint = (framesLeft: number) => {
      const element = this.canvas()
      const context = element?.getContext('2d')
      const view = element?.ownerDocument?.defaultView
      if (element && element.clientWidth === 0 && framesLeft > 0 && view?.requestAnimationFrame) {
        view.requestAnimationFrame(() => paint(framesLeft - 1))
        return
      }
      if (element && context) {
        const ratio = element.ownerDocument?.defaultView?.devicePixelRatio ?? 1
        const width = Math.round((element.clientWidth ?? element.width) * ratio)
        const height = Math.round((element.clientHeight ?? element.height) * ratio)
        // A legacy canvas is drawn in CSS px at the screen's density; resizing clears it.
        if (element.width !== width || element.height !== height) {
          element.width = width
          element.height = height
        } else if (!keep) {
          context.setTransform(1, 0, 0, 1, 0, 0)
          context.clearRect(0, 0, width, height)
        }
        context.setTransform(ratio, 0, 0, ratio, 0, 0)
        context.save()
        for (const step of steps) step(context)
        context.restore()
      }
      done?.()
    }
    const waiting = [...this.loading]
    if (waiting.length === 0) paint(LAYOUT_FRAMES)
    else void Promise.all(waiting).then(() => paint(LAYOUT_FRAMES))
  }

  private readonly loading = new Set<Promise<void>>()

  private preload(url: string): void {
    if (loadedImages.has(url)) return
    const element = this.canvas() as unknown as { ownerDocument?: Document } | undefined
    const doc = element?.ownerDocument
    if (!doc) return
    const image = doc.createElement('img')
    const loading = new Promise<void>((resolve) => {
      image.onload = () => {
        loadedImages.set(url, image)
        resolve()
      }
      image.onerror = () => resolve()
    }).finally(() => this.loading.delete(loading))
    this.loading.add(loading)
    image.src = url
  }
}

const loadedImages = new Map<string, HTMLImageElement>()

/** The legacy `<canvas canvas-id>` named `canvasId` in `scope`'s tree. */
function canvasById(
  scope: glassEasel.GeneralComponent | undefined,
  canvasId: string,
): glassEasel.GeneralComponent | undefined {
  const root = scope?.getShadowRoot()
  if (!root) return undefined
  let found: glassEasel.GeneralComponent | undefined
  const visit = (node: glassEasel.Element): boolean => {
    if (
      glassEasel.Component.isComponent(node) &&
      (node as glassEasel.GeneralComponent).is === 'wx-builtin/canvas' &&
      (node as glassEasel.GeneralComponent).data.canvasId === canvasId
    ) {
      found = node as glassEasel.GeneralComponent
      return false
    }
    return true
  }
  glassEasel.ElementIterator.create(
    root,
    'shadow-descendants-root-first' as glassEasel.ElementIteratorType,
  ).forEach((node) => visit(node as glassEasel.Element))
  return found
}

export interface BuiltinContextsWx {
  createVideoContext(id: string, component?: unknown): Record<string, Method>
  createMapContext(mapId: string, component?: unknown): Record<string, unknown>
  createCanvasContext(canvasId: string, component?: unknown): LegacyCanvasContext
  canvasToTempFilePath(options: unknown, component?: unknown): Promise<unknown> | undefined
}

export interface BuiltinContextsHost extends MapContextHost {
  invokeLater: LaterInvoker
  /** Where `canvasToTempFilePath` writes its picture; absent, it fails. */
  saveTempFiles?: SaveTempFiles
}

export function createBuiltinContexts(
  host: LayoutHost,
  contexts: BuiltinContextsHost,
): BuiltinContextsWx {
  const { invokeLater } = contexts
  const scopeOf = (component: unknown) => componentOf(component) ?? host.currentPage()
  const canvasElement = (
    scope: glassEasel.GeneralComponent | undefined,
    canvasId: string,
  ): CanvasElement | undefined => {
    const found = canvasById(scope, canvasId)
    return found ? ((host.nodeOf(found) as CanvasElement | null) ?? undefined) : undefined
  }
  return {
    createVideoContext(id, component) {
      const scope = componentOf(component)
      const context: Record<string, Method> = {}
      for (const name of VIDEO_METHODS) {
        context[name] = (...args: unknown[]) => {
          const element = (scope ?? host.currentPage())?.getShadowRoot()?.getElementById(String(id))
          const video = element ? (host.contextOf(element) as Record<string, Method> | null) : null
          video?.[name]?.(...args)
        }
      }
      return context
    },
    createMapContext(mapId, component) {
      const scope = componentOf(component)
      return createMapContext(() => {
        const element = (scope ?? host.currentPage())
          ?.getShadowRoot()
          ?.getElementById(String(mapId))
        return element ? mapControlOf(host.contextOf(element)) : undefined
      }, contexts)
    },
    createCanvasContext(canvasId, component) {
      const scope = componentOf(component)
      return new LegacyCanvasContext(() =>
        canvasElement(scope ?? host.currentPage(), String(canvasId)),
      )
    },
    canvasToTempFilePath(options, component) {
      return invokeLater('canvasToTempFilePath', options, (opts, settle) => {
        host.defer(() => {
          const given = opts.canvas as CanvasElement | undefined
          const element =
            given && typeof given.toDataURL === 'function'
              ? given
              : canvasElement(scopeOf(component), String(opts.canvasId ?? ''))
          const save = contexts.saveTempFiles
          if (!element || !save) {
            settle({ ok: false, failure: apiFailure('canvasToTempFilePath', 'canvas is empty') })
            return
          }
          const jpg = opts.fileType === 'jpg'
          const picture = pictureOf(element, opts, jpg)
          const file = {
            name: jpg ? 'canvas.jpg' : 'canvas.png',
            type: jpg ? 'image/jpeg' : 'image/png',
          }
          save([{ ...file, data: picture }], (saved) => {
            settle(
              saved?.[0]
                ? { ok: true, result: { tempFilePath: saved[0].path } }
                : { ok: false, failure: apiFailure('canvasToTempFilePath', 'save temp file fail') },
            )
          })
        })
      })
    },
  }
}

/**
 * The bytes of the picture `canvasToTempFilePath` asks for: the rectangle `x`, `y`, `width`,
 * `height` (the canvas's CSS px, the whole canvas by default) scaled to `destWidth` ×
 * `destHeight` (that size × the screen's pixel ratio by default), as PNG or JPEG (`quality`).
 */
function pictureOf(
  element: CanvasElement,
  opts: Record<string, unknown>,
  jpg: boolean,
): Uint8Array {
  const cssWidth = element.clientWidth || element.width
  const cssHeight = element.clientHeight || element.height
  // The element's pixels per CSS px (a legacy canvas is drawn at the screen's density).
  const ratio = cssWidth ? element.width / cssWidth : 1
  const number = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback
  const x = number(opts.x, 0)
  const y = number(opts.y, 0)
  const width = number(opts.width, cssWidth - x)
  const height = number(opts.height, cssHeight - y)
  const destWidth = Math.max(1, Math.round(number(opts.destWidth, width * ratio)))
  const destHeight = Math.max(1, Math.round(number(opts.destHeight, height * ratio)))
  const type = jpg ? 'image/jpeg' : 'image/png'
  const quality = number(opts.quality, 1)
  const whole = x === 0 && y === 0 && width === cssWidth && height === cssHeight
  const sameSize = destWidth === element.width && destHeight === element.height
  const doc = (element as unknown as { ownerDocument?: Document }).ownerDocument
  let url: string
  if ((whole && sameSize) || !doc) url = element.toDataURL(type, quality)
  else {
    const copy = doc.createElement('canvas')
    copy.width = destWidth
    copy.height = destHeight
    const source = element as unknown as CanvasImageSource
    copy
      .getContext('2d')
      ?.drawImage(
        source,
        x * ratio,
        y * ratio,
        width * ratio,
        height * ratio,
        0,
        0,
        destWidth,
        destHeight,
      )
    url = copy.toDataURL(type, quality)
  }
  const binary = atob(url.slice(url.indexOf(',') + 1))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}
