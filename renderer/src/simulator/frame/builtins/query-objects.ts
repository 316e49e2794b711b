/**
 * What `SelectorQuery`'s `node()` and `context()` answer for a built-in, as WeChat does: a
 * `<canvas type="2d|webgl">` node is its Canvas (`canvasNodeOf`), a `<video>`'s context is a
 * VideoContext driving the media element that draws it, an `<editor>`'s its EditorContext
 * (`editor.ts`), a `<map>`'s its MapControl (the runtime makes the MapContext of it), a
 * `<snapshot>`'s node its Snapshot. Anything else answers `null`.
 */
import type * as glassEasel from 'glass-easel'
import { canvasNodeOf } from './canvas'
import { editorContextOf } from './editor'
import { mapControlOf } from './map'
import { mediaElementOf } from './media'
import { snapshotNodeOf } from './skyline-containers'

/** WeChat's VideoContext, over the `<video>` element that draws the component. */
export interface VideoContext {
  play(): void
  pause(): void
  stop(): void
  seek(position: number): void
  playbackRate(rate: number): void
  requestFullScreen(): void
  exitFullScreen(): void
}

const contexts = new WeakMap<HTMLMediaElement, VideoContext>()

/** The VideoContext of a `<video>` component, or `undefined` for another component. */
export function videoContextOf(component: glassEasel.GeneralComponent): VideoContext | undefined {
  const media = mediaElementOf(component)
  if (!media || media.tagName.toLowerCase() !== 'video') return undefined
  let context = contexts.get(media)
  if (!context) {
    context = {
      // A refused play (no source yet, autoplay rules) is the video's own `binderror`, not a throw.
      play: () => void media.play().catch(() => undefined),
      pause: () => media.pause(),
      stop: () => {
        media.pause()
        media.currentTime = 0
      },
      seek: (position) => {
        media.currentTime = position
      },
      playbackRate: (rate) => {
        media.playbackRate = rate
      },
      requestFullScreen: () => void media.requestFullscreen?.().catch(() => undefined),
      exitFullScreen: () => {
        if (media.ownerDocument.fullscreenElement === media)
          void media.ownerDocument.exitFullscreen().catch(() => undefined)
      },
    }
    contexts.set(media, context)
  }
  return context
}

/** `fields({ node: true })` of `element`. */
export function queryNodeOf(element: glassEasel.Element): unknown {
  return canvasNodeOf(element as glassEasel.GeneralComponent) ?? snapshotNodeOf(element) ?? null
}

/** `fields({ context: true })` of `element`. */
export function queryContextOf(element: glassEasel.Element): unknown {
  const component = element as glassEasel.GeneralComponent
  return videoContextOf(component) ?? editorContextOf(component) ?? mapControlOf(component) ?? null
}
